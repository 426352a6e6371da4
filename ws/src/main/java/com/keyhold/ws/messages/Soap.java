package com.keyhold.ws.messages;

/** The service's XML namespace (CONTRACT section 3). */
public final class Soap {

    public static final String NAMESPACE = "urn:keyhold:proxy:v1";

    private Soap() {
    }
}

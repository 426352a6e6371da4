package com.keyhold.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link KeyholdTestServer} before the first integration test class and stops it when the
 * whole run ends (the root context's store closes it), so the run pays for one server start.
 */
public class KeyholdServerExtension implements BeforeAllCallback {

    private static volatile KeyholdTestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeyholdTestServer.class, key -> KeyholdTestServer.start(), KeyholdTestServer.class);
    }

    public static KeyholdTestServer server() {
        if (server == null) {
            throw new IllegalStateException("The test class is not annotated with @KeyholdIntegrationTest");
        }
        return server;
    }
}

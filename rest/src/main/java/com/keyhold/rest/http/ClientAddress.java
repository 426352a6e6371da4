package com.keyhold.rest.http;

import java.util.List;

/**
 * The client's address: the TCP peer, unless the peer is one of the configured trusted proxies;
 * then the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy (the
 * left part of that header is whatever the client wrote, so it is never believed).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String resolve(String peer, String forwardedFor, List<String> trustedProxies) {
        if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}

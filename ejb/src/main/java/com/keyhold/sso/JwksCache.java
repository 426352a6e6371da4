package com.keyhold.sso;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JWK sets of identity providers' JWKS URLs, fetched and cached per server (SPEC O2) with
 * Nimbus' JWK source: cached for {@value #TTL_MINUTES} minutes, fetched again at once when a token
 * names a key id the cached set lacks (the provider rotated its keys), at most once every
 * {@value #MIN_REFETCH_SECONDS} seconds so that made-up key ids cannot make Keyhold hammer the
 * provider; connect and read time-outs of {@value #TIMEOUT_MILLIS} ms and a size limit, so a slow or
 * hostile URL cannot hold a request thread.
 */
@ApplicationScoped
public class JwksCache {

    static final int TIMEOUT_MILLIS = 3000;
    static final int SIZE_LIMIT_BYTES = 512 * 1024;
    static final long TTL_MINUTES = 60;
    static final long MIN_REFETCH_SECONDS = 30;

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** The keys for a token's header from the set at this URL. */
    public SigningKeys keysAt(String jwksUrl) {
        JWKSource<SecurityContext> source = sources.computeIfAbsent(jwksUrl, JwksCache::sourceFor);
        return header -> {
            try {
                List<JWK> keys = source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
                return keys == null ? List.of() : keys;
            } catch (KeySourceException e) {
                if (e.getClass().getSimpleName().equals("RateLimitReachedException")) {
                    return List.of(); // an unknown key id again within the pause: no such key
                }
                throw new SigningKeys.IdentityProviderUnreachable("JWKS " + jwksUrl + ": " + e.getMessage(), e);
            }
        };
    }

    /** Forgets a URL's keys (the administrator changed or removed the provider). */
    public void forget(String jwksUrl) {
        if (jwksUrl != null) {
            sources.remove(jwksUrl);
        }
    }

    private static JWKSource<SecurityContext> sourceFor(String url) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL(),
                            new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
                    .cache(TTL_MINUTES * 60_000, TIMEOUT_MILLIS * 2L)
                    .rateLimited(MIN_REFETCH_SECONDS * 1000)
                    .refreshAheadCache(false)
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SigningKeys.IdentityProviderUnreachable("JWKS URL " + url + " is not a URL", e);
        }
    }
}

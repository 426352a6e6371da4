package com.keyhold.sso;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/** Where an identity provider's token-signing keys come from: its JWKS URL, or uploaded PEM keys. */
@FunctionalInterface
public interface SigningKeys {

    /**
     * The keys that may have signed a token with this header.
     *
     * @throws IdentityProviderUnreachable when the keys cannot be fetched (the provider's JWKS URL is away)
     */
    List<JWK> candidatesFor(JWSHeader header);

    /** The provider's JWKS URL did not answer in time or answered nonsense: not the client's fault. */
    final class IdentityProviderUnreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public IdentityProviderUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

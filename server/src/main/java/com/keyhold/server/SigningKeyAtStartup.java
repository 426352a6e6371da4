package com.keyhold.server;

import com.keyhold.signing.SigningKeyService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Loads the signing key (SPEC S9) when the full server starts, right after the schema migration, so
 * that its first start generates and stores the key pair before any request or edge needs it, and a
 * key that cannot be decrypted (a wrong encryption key) fails the deployment, not a client's request.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SigningKeyAtStartup {

    @EJB
    SigningKeyService signingKeys;

    @PostConstruct
    void load() {
        signingKeys.publicKey();
    }
}

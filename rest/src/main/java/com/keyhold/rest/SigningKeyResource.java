package com.keyhold.rest;

import com.keyhold.signing.SignedDocuments;
import com.keyhold.signing.SigningKeyService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public half of the server's signing key, so clients verify documents offline (SPEC S9, CONTRACT 5). */
@Path("/v1/signing-key")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    public record PublishedKey(String algorithm, String publicKey) {
    }

    @EJB
    SigningKeyService signingKeys;

    @GET
    @Operation(summary = "The Ed25519 public key (base64 X.509 SubjectPublicKeyInfo)")
    public Response get() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(new PublishedKey(SignedDocuments.ALGORITHM,
                Base64.getEncoder().encodeToString(signingKeys.publicKey().getEncoded())))
                .cacheControl(cache)
                .build();
    }
}

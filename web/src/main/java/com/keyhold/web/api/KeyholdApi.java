package com.keyhold.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JAX-RS application: every resource of CONTRACT.md lives under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Keyhold API", version = "1",
        description = "Client, admin and operator APIs of Keyhold. Errors: {\"code\", \"message\"}."))
public class KeyholdApi extends Application {
}

package com.keyhold.edge;

import com.keyhold.rest.ApiErrorMapper;
import com.keyhold.rest.SigningKeyResource;
import com.keyhold.rest.client.ClientActivationsResource;
import com.keyhold.rest.client.LoadBaselineResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The check-in edge's JAX-RS application: the desktop client API (CONTRACT section 2) and the public
 * signing key, at the same paths as on the full server, so a load balancer may send {@code
 * /api/v1/client/**} to either. Nothing else of {@code /api} is here: the admin, operator and SCIM APIs
 * stay on the full server.
 */
@ApplicationPath("/api")
public class EdgeApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ApiErrorMapper.class, ClientActivationsResource.class, LoadBaselineResource.class,
                SigningKeyResource.class);
    }
}

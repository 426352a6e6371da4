package com.keyhold.web.scim;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * SCIM 2.0 at {@code /scim/v2} (SPEC O3, CONTRACT section 8), a JAX-RS application of its own so
 * that its errors are SCIM error bodies and its media type {@code application/scim+json}. It lists
 * its classes, as {@link com.keyhold.web.api.KeyholdApi} lists its own, so neither serves the other's.
 */
@ApplicationPath("/scim")
public class ScimApi extends Application {

    public static final String MEDIA_TYPE = "application/scim+json";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ScimUsersResource.class, ScimGroupsResource.class, ScimDiscoveryResource.class,
                ScimErrorMapper.class);
    }
}

package com.keyhold.web.scim;

import com.keyhold.common.KeyholdException;
import com.keyhold.common.Outages;
import com.keyhold.common.ServerLifecycle;
import com.keyhold.scim.ScimException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the SCIM endpoints as a SCIM error body (RFC 7644 section 3.12): the service's
 * {@link ScimException}s with their status and {@code scimType}, Keyhold's own refusals by their
 * status, the database away as 503 with Retry-After, anything unexpected as 500 without details.
 */
@Provider
public class ScimErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ScimErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof EJBException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ScimException scim) {
            return answer(scim.status(), scim.scimType(), scim.getMessage());
        }
        if (cause instanceof KeyholdException refused) {
            return answer(refused.code().httpStatus(), null, refused.getMessage());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return answer(status, null, status == 404 ? "Not found" : status == 405 ? "Method not allowed"
                    : "The request cannot be served (" + status + ")");
        }
        if (Outages.isDatabaseUnavailable(cause) || ServerLifecycle.isStopping()) {
            return Response.fromResponse(answer(503, null, "Keyhold is briefly unavailable; try again shortly."))
                    .header("Retry-After", Outages.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering a SCIM request", thrown);
        return answer(500, null, "Keyhold could not complete the request.");
    }

    static Response answer(int status, String scimType, String detail) {
        Response.ResponseBuilder response = Response.status(status).type(ScimApi.MEDIA_TYPE)
                .entity(ScimJson.error(status, scimType, detail).toString());
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"keyhold-scim\"");
        }
        return response.build();
    }
}

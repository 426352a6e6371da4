package com.keyhold.rest;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Outages;
import com.keyhold.common.ServerLifecycle;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become the error format of CONTRACT section 1. Services throw
 * {@link KeyholdException}; the container wraps some failures in {@link EJBException}; JAX-RS throws
 * its own for unknown paths, wrong methods and unreadable bodies.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        ApiError error;
        int status;
        if (cause instanceof KeyholdException refused) {
            status = refused.code().httpStatus();
            error = new ApiError(refused.code().name(), refused.getMessage(), refused.violations(), refused.details());
        } else if (cause instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
            error = ApiError.of(codeFor(status), messageFor(status));
        } else if (Outages.isDatabaseUnavailable(cause) || ServerLifecycle.isStopping()) {
            // the database is away, or the server is tearing Keyhold down under this request: retry
            KeyholdException unavailable = ServerLifecycle.isStopping() ? ServerLifecycle.stoppingRefusal()
                    : Outages.databaseUnavailable();
            LOG.log(Level.WARNING, "Database unavailable: answered 503 ({0})", String.valueOf(cause));
            status = unavailable.code().httpStatus();
            error = new ApiError(unavailable.code().name(), unavailable.getMessage(), unavailable.violations(),
                    unavailable.details());
        } else if (isUnreadableBody(cause)) {
            status = 400;
            error = ApiError.of(ErrorCode.BAD_REQUEST, "The request body is not valid JSON for this operation.");
        } else {
            LOG.log(Level.SEVERE, "Unexpected failure answering an API request", thrown);
            status = 500;
            error = ApiError.of(ErrorCode.INTERNAL_ERROR, "Keyhold could not complete the request.");
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error.toJson());
        if (error.details().get("retryAfterSeconds") instanceof Number seconds) {
            response.header("Retry-After", seconds.longValue());
        }
        if (status == 401) {
            // CONTRACT section 1: every 401 names the scheme to use
            response.header("WWW-Authenticate", "Bearer realm=\"keyhold\"");
        }
        return response.build();
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || current instanceof ProcessingException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isUnreadableBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 404 -> "Not found.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "Keyhold answers in JSON.";
            case 415 -> "Send the request body as application/json.";
            default -> Response.Status.fromStatusCode(status) == null ? "Request failed."
                    : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        };
    }
}

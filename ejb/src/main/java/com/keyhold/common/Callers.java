package com.keyhold.common;

import jakarta.ejb.SessionContext;
import java.security.Principal;

/**
 * Defence in depth behind the web module's authentication: a service that acts for a user checks
 * that the user id it was handed is the caller the container authenticated for this request (the
 * principal propagated from Jakarta Security to the EJB container), so that a resource or page that
 * passed an id from the request, or a path the web module forgot to protect, cannot act for someone
 * else or for nobody. An unauthenticated caller's principal ("ANONYMOUS" on Payara, "anonymous" on
 * WildFly) never matches a user id, which are generated and never such words.
 */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller's user id; {@code UNAUTHORIZED} when the caller is anonymous. */
    public static String callerId(SessionContext context) {
        return signedIn(context.getCallerPrincipal())
                .orElseThrow(() -> new KeyholdException(ErrorCode.UNAUTHORIZED, "Sign in first."));
    }

    /**
     * The user id a principal names, or empty for nobody: Jakarta Security's {@code getCallerPrincipal()}
     * is null for an unauthenticated request on Payara, but an "anonymous" principal on WildFly.
     */
    public static java.util.Optional<String> signedIn(Principal principal) {
        String name = principal == null ? null : principal.getName();
        return name == null || name.isBlank() || name.equalsIgnoreCase("anonymous") ? java.util.Optional.empty()
                : java.util.Optional.of(name);
    }

    /** Refuses unless {@code userId} is the authenticated caller of this request. */
    public static String requireCaller(SessionContext context, String userId) {
        String caller = callerId(context);
        if (userId == null || !userId.equals(caller)) {
            throw new KeyholdException(ErrorCode.UNAUTHORIZED, "Sign in first.");
        }
        return caller;
    }
}

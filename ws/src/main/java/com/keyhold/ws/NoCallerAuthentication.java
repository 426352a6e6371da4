package com.keyhold.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The SOAP module's own, empty Jakarta Security mechanism: every request passes as it came. The
 * proxy licensing service authenticates nobody at the HTTP level; its rules check what each message
 * carries (the license key, the proxy's activation token; CONTRACT section 3).
 * <p>
 * It exists for portability (issue 17): WildFly turns Jakarta Security on for every module of an EAR
 * once one module (the web module) has a mechanism, and then needs a mechanism bean in this WAR too,
 * which the web module's is not (each WAR is its own bean archive). Payara only turns it on where a
 * mechanism is, and runs this one as what it is: nothing.
 */
@ApplicationScoped
public class NoCallerAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return context.doNothing();
    }
}

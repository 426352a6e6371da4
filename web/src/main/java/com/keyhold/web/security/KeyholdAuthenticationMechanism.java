package com.keyhold.web.security;

import com.keyhold.rest.AuthorizationHeader;
import com.keyhold.rest.http.RequestPaths;

import com.keyhold.scim.ScimService;
import com.keyhold.scim.ScimTokenService;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Outages;
import com.keyhold.common.RequestOrigin;
import com.keyhold.common.ServerLifecycle;
import com.keyhold.security.ApiTokenService;
import com.keyhold.security.RememberMeService;
import com.keyhold.security.TokenScope;
import com.keyhold.user.CallerIdentity;
import com.keyhold.user.UserService;
import com.keyhold.rest.ApiError;
import com.keyhold.rest.http.ClientAddress;
import com.keyhold.web.http.SecurityHeaders;
import com.keyhold.rest.http.WebSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application), so
 * it dispatches on the path:
 * <ul>
 * <li>{@code POST /api/v1/auth/tokens}: HTTP Basic with email and password;</li>
 * <li>{@code /api/v1/admin/**}: a personal API token as {@code Authorization: Bearer};</li>
 * <li>{@code /api/v1/operator/**}: an operator's token;</li>
 * <li>{@code /scim/**}: an account's SCIM token (CONTRACT section 8);</li>
 * <li>every other {@code /api/**} path needs a personal token, except the allow-list of
 * {@link RequestPaths} (sign-up, password resets, joining, the signing key, the client API with its
 * own activation tokens);</li>
 * <li>pages: the signed-in session, else the "keep me signed in" cookie; {@code /app/**} needs one of
 * them, else the browser is sent to the sign-in page.</li>
 * </ul>
 * Every decision is taken on the path the container maps, and a request whose raw path could be
 * read as another ({@code ;}, {@code %2F}, dot segments…) is refused with 400 first.
 * API failures answer 401 in the CONTRACT section 1 format with a {@code WWW-Authenticate} header,
 * never a redirect. The session holds only the user id; roles and flags are read on every request
 * so that a change applies at the member's next request.
 */
@ApplicationScoped
public class KeyholdAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_USER_ID = "keyhold.userId";
    /** When the session signed in: sessions older than a password reset end (SPEC A10). */
    static final String SESSION_SIGNED_IN_AT = "keyhold.signedInAt";
    public static final String REMEMBER_ME_COOKIE = "KEYHOLD_REMEMBER_ME";
    public static final String SIGN_IN_PAGE = "/login.xhtml";
    public static final String CHANGE_PASSWORD_PAGE = "/app/change-password.xhtml";
    /** Request attribute holding why a form sign-in was refused other than by wrong credentials. */
    public static final String SIGN_IN_REFUSAL = "keyhold.signInRefusal";
    static final String TOKENS_PATH = "/api/v1/auth/tokens";
    static final String REALM = "keyhold";

    @Inject
    IdentityStoreHandler identityStores;

    @EJB
    UserService users;

    /** The operator's drain control, which answers while drained (OperatorMaintenanceResource). */
    private static final String DRAIN_PATH = "/api/v1/operator/maintenance/drain";

    @EJB
    ApiTokenService apiTokens;

    @EJB
    RememberMeService rememberMe;

    @EJB
    ScimTokenService scimTokens;

    /** The group of SCIM callers; no page or API role is given to them. */
    static final String SCIM_GROUP = "SCIM";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // This runs before any filter, and some answers (401, 400) end here: headers and the client's
        // address are set first. The address is set for every request, so a pooled thread never
        // keeps the previous request's.
        SecurityHeaders.forRequest(request.isSecure(), WebSettings.httpsOnly()).forEach(response::setHeader);
        RequestOrigin.set(ClientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                WebSettings.trustedProxies()));
        if (ServerLifecycle.isStopping() && !answersWhileDrained(request.getRequestURI().substring(
                Math.min(request.getContextPath().length(), request.getRequestURI().length())))) {
            // drained for a planned restart (Maintenance): retry shortly, on this server or another
            return refuse(response, ServerLifecycle.stoppingRefusal());
        }
        String raw = request.getRequestURI().substring(Math.min(request.getContextPath().length(),
                request.getRequestURI().length()));
        String path = RequestPaths.mappedPath(request.getServletPath(), request.getPathInfo());
        if (RequestPaths.isAmbiguous(raw, path)) {
            return refuse(response, KeyholdException.badRequest("path",
                    "must not contain path parameters (;), encoded slashes or dots, or empty or dot segments"));
        }
        if (RequestPaths.isApi(path)) {
            return validateApiRequest(path, request, response, context);
        }
        if (RequestPaths.isScim(path)) {
            return validateScimRequest(request, response, context);
        }
        try {
            return validatePageRequest(path, request, response, context);
        } catch (RuntimeException failure) {
            if (!Outages.isDatabaseUnavailable(failure)) {
                throw failure;
            }
            // the session's user cannot be read while the database is away: the friendly error page
            // (ErrorPage, 503 with Retry-After) instead of the container's bare 500 (issue 14)
            request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, failure);
            return context.forward("/error.xhtml");
        }
    }

    /**
     * Every {@code /api/**} path needs a token except the allow-list of {@link RequestPaths}: the
     * operator API an operator token, every other path a personal token (an unknown path then
     * answers 404 to its holder, 401 to everyone else).
     */
    private AuthenticationStatus validateApiRequest(String path, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (path.equals(TOKENS_PATH) && "POST".equals(request.getMethod())) {
            Optional<AuthorizationHeader.BasicCredentials> basic = AuthorizationHeader.basic(header);
            if (basic.isPresent()) {
                CredentialValidationResult result;
                try {
                    result = identityStores.validate(
                            new UsernamePasswordCredential(basic.get().username(), basic.get().password()));
                } catch (RuntimeException failure) {
                    return refuse(response, refusalIn(failure));
                }
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return unauthorized(response, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"",
                    "Sign in with your email and password (HTTP Basic).");
        }
        if (RequestPaths.isPublicApi(request.getMethod(), path)) {
            return context.doNothing();
        }
        TokenScope scope = RequestPaths.isOperatorApi(path) ? TokenScope.OPERATOR : TokenScope.ADMIN;
        Optional<String> token = AuthorizationHeader.bearer(header);
        Optional<CallerIdentity> caller;
        try {
            caller = token.flatMap(t -> apiTokens.authenticate(t, scope));
        } catch (RuntimeException failure) {
            if (Outages.isDatabaseUnavailable(failure)) {
                return refuse(response, Outages.databaseUnavailable());
            }
            throw failure;
        }
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(PasswordIdentityStore.resultOf(caller.get()));
        }
        String challenge = "Bearer realm=\"" + REALM + "\"" + (token.isPresent() ? ", error=\"invalid_token\"" : "");
        return unauthorized(response, challenge, scope == TokenScope.ADMIN
                ? "A valid personal API token is required (Authorization: Bearer)."
                : "A valid operator API token is required (Authorization: Bearer).");
    }

    /**
     * SCIM 2.0 (CONTRACT section 8): the bearer token of an account's SCIM client, and nothing else
     * (a personal API token or a session opens no SCIM endpoint). The caller becomes
     * {@code scim:<token id>}, from which the SCIM service reads the account.
     */
    private AuthenticationStatus validateScimRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<String> token = AuthorizationHeader.bearer(request.getHeader("Authorization"));
        Optional<String> tokenId;
        try {
            tokenId = token.flatMap(scimTokens::authenticate);
        } catch (RuntimeException failure) {
            if (Outages.isDatabaseUnavailable(failure)) {
                return refuse(response, Outages.databaseUnavailable());
            }
            throw failure;
        }
        if (tokenId.isPresent()) {
            return context.notifyContainerAboutLogin(new CredentialValidationResult(ScimService.PRINCIPAL_PREFIX + tokenId.get(),
                    java.util.Set.of(SCIM_GROUP)));
        }
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"keyhold-scim\"" + (token.isPresent() ? ", error=\"invalid_token\"" : ""));
            response.setContentType("application/scim+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\","
                    + "\"detail\":\"A valid SCIM token of the account is required (Authorization: Bearer).\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answered();
    }

    private AuthenticationStatus validatePageRequest(String path, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential credential) {
            return signIn(credential, context.getAuthParameters().isRememberMe(), request, response, context);
        }
        Optional<CallerIdentity> caller = sessionCaller(request).or(() -> rememberedCaller(request, response));
        if (caller.isPresent()) {
            if (caller.get().mustChangePassword() && RequestPaths.isApp(path) && !path.equals(CHANGE_PASSWORD_PAGE)) {
                return context.redirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
            }
            return context.notifyContainerAboutLogin(PasswordIdentityStore.resultOf(caller.get()));
        }
        if (RequestPaths.isApp(path)) {
            String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next=" + next);
        }
        return context.doNothing();
    }

    /** Form sign-in from the sign-in page ({@code SecurityContext.authenticate}). */
    private AuthenticationStatus signIn(UsernamePasswordCredential credential, boolean keepSignedIn,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException failure) {
            request.setAttribute(SIGN_IN_REFUSAL, refusalIn(failure));
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String userId = result.getCallerPrincipal().getName();
        startSession(request, userId);
        if (keepSignedIn) {
            response.addCookie(rememberMeCookie(request, rememberMe.issue(userId)));
        }
        return context.notifyContainerAboutLogin(result);
    }

    private Optional<CallerIdentity> sessionCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_USER_ID) instanceof String userId)) {
            return Optional.empty();
        }
        Instant signedInAt = session.getAttribute(SESSION_SIGNED_IN_AT) instanceof Instant at ? at : null;
        Optional<CallerIdentity> identity = users.sessionIdentity(userId, signedInAt);
        if (identity.isEmpty()) {
            session.invalidate();
        }
        return identity;
    }

    /** "Keep me signed in": a new session, and the cookie's token rotated (the old one retired). */
    private Optional<CallerIdentity> rememberedCaller(HttpServletRequest request, HttpServletResponse response) {
        Optional<RememberMeService.Remembered> remembered = rememberMeCookie(request).flatMap(rememberMe::signInAndRotate);
        remembered.ifPresent(r -> {
            startSession(request, r.caller().userId());
            r.newSecret().ifPresent(secret -> response.addCookie(rememberMeCookie(request, secret)));
        });
        return remembered.map(RememberMeService.Remembered::caller);
    }

    /** The remember-me cookie: HttpOnly, SameSite=Lax, Secure over HTTPS or when Keyhold is HTTPS-only. */
    private static Cookie rememberMeCookie(HttpServletRequest request, String secret) {
        Cookie cookie = new Cookie(REMEMBER_ME_COOKIE, secret);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || WebSettings.httpsOnly());
        cookie.setPath(contextPathOrRoot(request));
        cookie.setMaxAge((int) RememberMeService.LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** After the user's own password change ended all their sessions: this one goes on, under a new id. */
    public static void restartSession(HttpServletRequest request, String userId) {
        startSession(request, userId);
    }

    /** A new session id at every sign-in, so a session id planted before sign-in is worthless. */
    private static void startSession(HttpServletRequest request, String userId) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_USER_ID, userId);
        session.setAttribute(SESSION_SIGNED_IN_AT, Instant.now());
    }

    public static Optional<String> rememberMeCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> REMEMBER_ME_COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst();
    }

    public static String contextPathOrRoot(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    /** The identity store handler wraps what a store throws; a refusal (RATE_LIMITED) is in there. */
    private static KeyholdException refusalIn(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeyholdException refused) {
                return refused;
            }
        }
        if (Outages.isDatabaseUnavailable(failure)) {
            return Outages.databaseUnavailable();
        }
        throw failure;
    }

    /**
     * While drained only the operator's drain control (to resume) and the health and metrics
     * endpoints answer: readiness then reports the drain itself (DatabaseReadinessCheck).
     */
    private static boolean answersWhileDrained(String path) {
        return path.equals(DRAIN_PATH) || path.equals("/health") || path.startsWith("/health/")
                || path.equals("/metrics") || path.startsWith("/metrics/");
    }

    /** A refusal such as RATE_LIMITED, in the CONTRACT section 1 format. */
    private static AuthenticationStatus refuse(HttpServletResponse response, KeyholdException refused) {
        try {
            response.setStatus(refused.code().httpStatus());
            if (refused.details().get("retryAfterSeconds") instanceof Number seconds) {
                response.setHeader("Retry-After", Long.toString(seconds.longValue()));
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(new ApiError(refused.code().name(), refused.getMessage(), refused.violations(),
                    refused.details()).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answered();
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String challenge, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", challenge);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiError.of(ErrorCode.UNAUTHORIZED, message).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answered();
    }

    /**
     * The refusal is written in full (status, headers, the CONTRACT's error body): the container must
     * neither call the application nor write an answer of its own. {@code SEND_FAILURE} would make
     * WildFly's Undertow send its own 401 error page over the committed response (and log an error
     * for each refusal); {@code SEND_CONTINUE}, "the mechanism has answered", is left as written by
     * Payara and WildFly alike.
     */
    private static AuthenticationStatus answered() {
        return AuthenticationStatus.SEND_CONTINUE;
    }
}

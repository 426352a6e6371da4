package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Users;
import com.keyhold.web.api.KeyholdApi;
import com.keyhold.rest.http.RequestPaths;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 9: every JAX-RS resource method of the web module, found by reflection (so a new endpoint is
 * covered without anyone adding a row), answers 401 without credentials on its plain path unless it
 * is on the allow-list of {@link RequestPaths}, and no spelling of its path ({@code ;}, {@code %2F},
 * {@code //}, {@code /./}, {@code /../}, upper case) answers 2xx or data to anyone without credentials:
 * they are refused with 400 before any decision. Customer tokens on the operator API and operator
 * tokens on the admin API answer 401 too.
 */
@KeyholdIntegrationTest
class AuthorizationWalkIT {

    private static final String ANY_ID = "kh0000000000probe";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** One resource method: its HTTP method and its path with a made-up id in every template. */
    record Endpoint(String method, String path, String javaName) {

        boolean isPublic() {
            return RequestPaths.isPublicApi(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + javaName + ")";
        }
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = areaOf(resource) + template(resource.getAnnotation(Path.class));
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod != null) {
                    String path = (base + template(method.getAnnotation(Path.class))).replaceAll("\\{[^}]+}", ANY_ID);
                    found.add(new Endpoint(httpMethod, path, resource.getSimpleName() + "." + method.getName()));
                }
            }
        }
        return found;
    }

    /** The two JAX-RS applications list their classes (KeyholdApi, ScimApi): a resource left out would not be served. */
    @Test
    void everyResourceIsListedByItsApplication() {
        for (Class<?> resource : resourceClasses()) {
            java.util.Set<Class<?>> listed = areaOf(resource).equals("/scim") ? new com.keyhold.web.scim.ScimApi().getClasses()
                    : new KeyholdApi().getClasses();
            assertTrue(listed.contains(resource), resource + " is not listed by its JAX-RS application");
        }
        assertTrue(new KeyholdApi().getClasses().contains(com.keyhold.rest.ApiErrorMapper.class));
    }

    private static String areaOf(Class<?> resource) {
        return resource.getPackageName().startsWith("com.keyhold.web.scim") ? "/scim" : "/api";
    }

    @Test
    void theWalkFindsTheWholeApi() {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 40, "every resource method of the web module: " + endpoints);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/api/v1/operator/accounts")), endpoints::toString);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().startsWith("/api/v1/admin/computers")), endpoints::toString);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/scim/v2/Users")), endpoints::toString);
    }

    @Test
    void everyEndpointOffTheAllowListAnswers401WithoutCredentials() {
        List<Executable> checks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.isPublic()) {
                continue;
            }
            checks.add(() -> {
                Http.Answer answer = Http.call(endpoint.method(), endpoint.path(), bodyFor(endpoint));
                assertEquals(401, answer.status(), endpoint + " answered " + answer.body());
                if (endpoint.path().startsWith("/scim/")) {
                    assertEquals("401", answer.json().getString("status"), "a SCIM error body: " + endpoint);
                } else {
                    assertEquals("UNAUTHORIZED", answer.errorCode(), endpoint.toString());
                }
                assertTrue(answer.header("WWW-Authenticate").isPresent(), endpoint.toString());
            });
        }
        assertAll(checks);
    }

    @Test
    void noSpellingOfAnyPathAnswersDataWithoutCredentials() {
        // every spelling for both areas (/api/v1/…, /scim/v2/…): the area and version segments are rewritten
        List<Function<String, String>> variants = List.of(
                p -> p.replaceFirst("^/(\\w+)/", "/$1;/"),
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1;v$2/"),
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1/v$2;jsessionid=x/"),
                p -> p + ";x=1",
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1/v$2%2F"),
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1/v$2%2f"),
                p -> p.replaceFirst("^/(\\w+)/", "/$1//"),
                p -> "/" + p,
                p -> p.replaceFirst("^/(\\w+)/", "/$1/./"),
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1/v$2/client/../"),
                p -> p.replaceFirst("^/(\\w+)/v(\\d)/", "/$1/v$2/%2e%2e/v$2/"),
                p -> p.toUpperCase(Locale.ROOT),
                p -> p.replaceFirst("^/api/", "/API/").replaceFirst("^/scim/", "/SCIM/"),
                p -> p.replaceFirst("^/api/", "/Api/").replaceFirst("^/scim/", "/Scim/"));
        List<Executable> checks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Function<String, String> variant : variants) {
                String path = variant.apply(endpoint.path());
                checks.add(() -> {
                    Http.Answer answer = Http.call(endpoint.method(), path, bodyFor(endpoint));
                    assertFalse(answer.status() >= 200 && answer.status() < 300,
                            endpoint.method() + " " + path + " answered " + answer.status() + " " + answer.body());
                    assertTrue(answer.status() == 400 || answer.status() == 404 || answer.status() == 401,
                            endpoint.method() + " " + path + " answered " + answer.status() + " " + answer.body());
                    assertFalse(answer.body().contains("\"items\""), endpoint.method() + " " + path + " leaked " + answer.body());
                });
            }
        }
        assertAll(checks);
    }

    @Test
    void theReportedBypassIsClosed() {
        Http.Answer accounts = Http.get("/api;v1/operator/accounts");
        assertEquals(400, accounts.status(), accounts.body());
        assertEquals("BAD_REQUEST", accounts.errorCode());
        Http.Answer products = Http.get("/api;v1/operator/products");
        assertEquals(400, products.status(), products.body());
        assertEquals(401, Http.get("/api/v1/operator/accounts").status());
    }

    @Test
    void aCustomerTokenOpensNoOperatorEndpointAndAnOperatorTokenNoAdminEndpoint() {
        String walker = Users.uniqueEmail("walker");
        Users.signUp(walker);
        String customer = Users.tokenFor(walker);
        String operator = KeyholdServerExtension.server().operatorToken();
        List<Executable> checks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.isPublic()) {
                continue;
            }
            boolean operatorApi = RequestPaths.isOperatorApi(endpoint.path());
            String wrongToken = operatorApi ? customer : operator;
            checks.add(() -> {
                Http.Answer answer = Http.call(endpoint.method(), endpoint.path(), bodyFor(endpoint),
                        "Authorization", Http.bearer(wrongToken));
                assertEquals(401, answer.status(), endpoint + " with a " + (operatorApi ? "customer" : "operator")
                        + " token answered " + answer.body());
            });
        }
        assertAll(checks);
    }

    /**
     * The servlets of the pages' files (issue 16) live under {@code /app}: without a signed-in session
     * every method and spelling is sent to sign-in or refused, never served.
     */
    @Test
    void thePagesFileServletsNeedASignedInSession() {
        String id = "00000000-0000-0000-0000-000000000000";
        for (String path : List.of("/app/tickets/attachments/" + id + "/" + id, "/app/operator/files/tickets/" + id + "/" + id)) {
            Http.Answer answer = Http.get(path);
            assertEquals(302, answer.status(), path);
            assertTrue(answer.header("Location").orElse("").contains("/login.xhtml?next="), path);
            for (String spelling : List.of(path.replace("/app/", "/app;x=1/"), path.replace("/app/", "/APP/"),
                    path.replace("/app/", "/app/./"), path.replace("/app/", "/app//"))) {
                Http.Answer refused = Http.get(spelling);
                // refused (400), or the container's redirect to the canonical path, which then asks for sign-in
                assertTrue(refused.status() == 400 || refused.status() == 301 || refused.status() == 302,
                        spelling + " answered " + refused.status());
                assertFalse(refused.body().contains("%PDF"), spelling);
            }
        }
        for (String path : List.of("/app/tickets/attachments/" + id, "/app/operator/files/downloads")) {
            Http.Answer answer = Http.postJson(path, "{}");
            assertEquals(302, answer.status(), path);
        }
    }

    @Test
    void theBenchmarkYardstickIsOffUnlessConfigured() {
        Http.Answer answer = Http.postJson("/api/v1/client/load-baseline?size=100", "{}");
        assertEquals(404, answer.status(), answer.body());
        assertEquals("NOT_FOUND", answer.errorCode());
    }

    private static String bodyFor(Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "POST", "PUT", "PATCH" -> "{}";
            default -> null;
        };
    }

    private static String template(Path path) {
        if (path == null) {
            return "";
        }
        String value = path.value();
        return value.isEmpty() || value.equals("/") ? "" : (value.startsWith("/") ? value : "/" + value);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /**
     * The classes annotated with {@code @Path} in the web module's classes and in the REST module it
     * shares with the check-in edge (the client API, the signing key): each a jar or a folder.
     */
    private static List<Class<?>> resourceClasses() {
        try {
            List<Class<?>> resources = new ArrayList<>();
            for (Class<?> anchor : List.of(KeyholdApi.class, com.keyhold.rest.ApiErrorMapper.class)) {
                for (String name : classFileNames(anchor)) {
                    if ((name.startsWith("com/keyhold/web/api/") || name.startsWith("com/keyhold/web/scim/")
                            || name.startsWith("com/keyhold/rest/"))
                            && name.endsWith(".class") && !name.contains("$")) {
                        Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                                AuthorizationWalkIT.class.getClassLoader());
                        if (type.isAnnotationPresent(Path.class)) {
                            resources.add(type);
                        }
                    }
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of the jar or folder {@code anchor} was loaded from. */
    private static List<String> classFileNames(Class<?> anchor) throws IOException {
        try {
            java.nio.file.Path location = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<java.nio.file.Path> files = Files.walk(location)) {
                    return files.map(f -> location.relativize(f).toString().replace('\\', '/')).toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(e -> e.getName()).toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

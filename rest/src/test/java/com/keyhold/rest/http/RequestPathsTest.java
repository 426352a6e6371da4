package com.keyhold.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 9: decisions on the mapped path, and the raw spellings that could be read as another path. */
class RequestPathsTest {

    @Test
    void theMappedPathIsServletPathPlusPathInfo() {
        assertEquals("/api/v1/operator/accounts", RequestPaths.mappedPath("/api", "/v1/operator/accounts"));
        assertEquals("/app/dashboard.xhtml", RequestPaths.mappedPath("/app/dashboard.xhtml", null));
    }

    @Test
    void pathParametersEncodedSlashesAndDotSegmentsAreAmbiguous() {
        String mapped = "/api/v1/operator/accounts";
        for (String raw : new String[] {"/api;v1/operator/accounts", "/api/v1;x=1/operator/accounts",
                "/api/v1/operator/accounts;jsessionid=1", "/api%2Fv1/operator/accounts", "/api%2fv1/operator/accounts",
                "//api/v1/operator/accounts", "/api//v1/operator/accounts", "/api/./v1/operator/accounts",
                "/api/v1/admin/../operator/accounts", "/api/v1/operator/accounts/..", "/api/%2e/v1/operator/accounts",
                "/api/v1/operator/accounts%00", "/api/%252F", "/api\\v1", "/api/v1/operator/accounts%3B"}) {
            assertTrue(RequestPaths.isAmbiguous(raw, mapped), raw);
        }
    }

    @Test
    void anotherLetterCaseOfAGuardedAreaIsAmbiguous() {
        assertTrue(RequestPaths.isAmbiguous("/API/v1/operator/accounts", "/API/v1/operator/accounts"));
        assertTrue(RequestPaths.isAmbiguous("/Api/v1/operator/accounts", "/Api/v1/operator/accounts"));
        assertTrue(RequestPaths.isAmbiguous("/APP/dashboard.xhtml", "/APP/dashboard.xhtml"));
        assertTrue(RequestPaths.isAmbiguous("/SCIM/v2/Users", "/SCIM/v2/Users"));
    }

    @Test
    void ordinaryPathsAreNot() {
        assertFalse(RequestPaths.isAmbiguous("/api/v1/operator/accounts", "/api/v1/operator/accounts"));
        assertFalse(RequestPaths.isAmbiguous("/app/dashboard.xhtml", "/app/dashboard.xhtml"));
        assertFalse(RequestPaths.isAmbiguous("/jakarta.faces.resource/theme.css.xhtml", "/jakarta.faces.resource/theme.css.xhtml"));
        assertFalse(RequestPaths.isAmbiguous("/", "/"));
        assertFalse(RequestPaths.isAmbiguous("/api/v1/admin/computers/export.csv", "/api/v1/admin/computers/export.csv"));
        assertFalse(RequestPaths.isAmbiguous("/apples.xhtml", "/apples.xhtml"), "only the areas themselves");
    }

    @Test
    void onlyTheAllowListIsOpenWithoutAToken() {
        assertTrue(RequestPaths.isPublicApi("POST", "/api/v1/users"));
        assertTrue(RequestPaths.isPublicApi("GET", "/api/v1/signing-key"));
        assertTrue(RequestPaths.isPublicApi("POST", "/api/v1/client/activations"));
        assertTrue(RequestPaths.isPublicApi("POST", "/api/v1/auth/password-resets/confirmation"));
        assertFalse(RequestPaths.isPublicApi("GET", "/api/v1/users"), "the method is part of the entry");
        assertFalse(RequestPaths.isPublicApi("GET", "/api/v1/operator/accounts"));
        assertFalse(RequestPaths.isPublicApi("GET", "/api/v1/admin/computers"));
        assertFalse(RequestPaths.isPublicApi("GET", "/api/v2/anything"), "unknown paths need a token too");
        assertFalse(RequestPaths.isPublicApi("GET", "/api/v1/clientele"));
    }

    @Test
    void theOperatorApiIsRecognisedOnTheMappedPath() {
        assertTrue(RequestPaths.isOperatorApi("/api/v1/operator/accounts"));
        assertFalse(RequestPaths.isOperatorApi("/api/v1/operators"));
        assertFalse(RequestPaths.isOperatorApi("/api/v1/admin/accounts"));
    }
}

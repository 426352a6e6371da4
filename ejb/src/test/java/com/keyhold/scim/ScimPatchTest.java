package com.keyhold.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PATCH as Entra ID and Okta send it (O3, RFC 7644 section 3.5.2). */
class ScimPatchTest {

    @Test
    void entrasReplaceOfActiveWithTheStringFalseDeactivates() {
        ScimUserAttributes user = user();
        ScimPatch.applyToUser(json("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}"), user);
        assertFalse(user.active);
    }

    @Test
    void anOperationWithoutPathSetsTheAttributesOfItsValue() {
        ScimUserAttributes user = user();
        ScimPatch.applyToUser(json("{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false,\"displayName\":\"Ann B\","
                + "\"name.givenName\":\"Anna\",\"emails[type eq \\\"work\\\"].value\":\"anna@corp.example\",\"title\":\"CTO\"}}]}"), user);
        assertFalse(user.active);
        assertEquals("Ann B", user.displayName);
        assertEquals("Anna", user.givenName);
        assertEquals("anna@corp.example", user.email);
    }

    @Test
    void removeClearsAndUnknownAttributesAreIgnored() {
        ScimUserAttributes user = user();
        ScimPatch.applyToUser(json("{\"Operations\":[{\"op\":\"remove\",\"path\":\"externalId\"},"
                + "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\",\"value\":\"IT\"}]}"),
                user);
        assertNull(user.externalId);
        assertTrue(user.active);
    }

    @Test
    void groupMembersAreAddedAndRemovedByValueOrByFilter() {
        ScimPatch.GroupChange change = ScimPatch.forGroup(json("{\"Operations\":["
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]},"
                + "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"u3\\\"]\"},"
                + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u4\"}]},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Licensed\"}]}"));
        assertEquals(Set.of("u1", "u2"), change.added);
        assertEquals(Set.of("u3", "u4"), change.removed);
        assertEquals("Licensed", change.displayName);
        assertTrue(ScimPatch.forGroup(json("{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}")).removeAllMembers);
    }

    @Test
    void malformedPatchesAreRefused() {
        for (String body : new String[] {"{}", "{\"Operations\":[]}", "{\"Operations\":[{\"op\":\"move\",\"path\":\"active\"}]}",
                "{\"Operations\":[{\"op\":\"remove\"}]}", "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}"}) {
            assertThrows(ScimException.class, () -> ScimPatch.applyToUser(json(body), user()), body);
        }
    }

    private static ScimUserAttributes user() {
        return ScimUserAttributes.of(json("{\"userName\":\"ann@corp.example\",\"externalId\":\"e1\",\"active\":true}"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}

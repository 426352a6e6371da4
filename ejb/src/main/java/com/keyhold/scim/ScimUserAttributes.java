package com.keyhold.scim;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * The attributes of a SCIM user that Keyhold keeps, as read from a POST or PUT body or changed by a
 * PATCH ({@link ScimPatch}). Attributes Keyhold does not keep (title, addresses, the enterprise
 * extension…) are ignored, as identity providers send them whatever the schema says.
 */
public final class ScimUserAttributes {

    public String userName;
    public String externalId;
    public String displayName;
    public String givenName;
    public String familyName;
    public String email;
    public boolean active = true;

    /** The attributes of a whole user resource (POST, PUT). */
    public static ScimUserAttributes of(JsonObject resource) {
        ScimUserAttributes attributes = new ScimUserAttributes();
        attributes.userName = text(resource.get("userName"), "userName");
        attributes.externalId = text(resource.get("externalId"), "externalId");
        attributes.displayName = text(resource.get("displayName"), "displayName");
        if (resource.get("name") instanceof JsonObject name) {
            attributes.givenName = text(name.get("givenName"), "name.givenName");
            attributes.familyName = text(name.get("familyName"), "name.familyName");
        }
        attributes.email = primaryEmail(resource.get("emails"));
        if (resource.containsKey("active")) {
            attributes.active = bool(resource.get("active"), "active");
        }
        return attributes;
    }

    /** Copies from a stored user, for a PATCH to change. */
    public static ScimUserAttributes of(ScimUser user) {
        ScimUserAttributes attributes = new ScimUserAttributes();
        attributes.userName = user.getUserName();
        attributes.externalId = user.getExternalId();
        attributes.displayName = user.getDisplayName();
        attributes.givenName = user.getGivenName();
        attributes.familyName = user.getFamilyName();
        attributes.email = user.getEmail();
        attributes.active = user.isActive();
        return attributes;
    }

    /** What a stored user must satisfy: a userName, and lengths the database keeps. */
    public void validate() {
        if (userName == null || userName.isBlank()) {
            throw ScimException.invalidValue("userName is required");
        }
        for (String value : new String[] {userName, displayName, givenName, familyName, email}) {
            if (value != null && value.length() > 254) {
                throw ScimException.invalidValue("values are limited to 254 characters");
            }
        }
        if (externalId != null && externalId.length() > 255) {
            throw ScimException.invalidValue("externalId is limited to 255 characters");
        }
    }

    /** Sets one attribute by its SCIM path ({@code null} removes it); unknown paths are ignored. */
    void set(String path, JsonValue value) {
        String p = path.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (p) {
            case "username" -> userName = text(value, "userName");
            case "externalid" -> externalId = text(value, "externalId");
            case "displayname" -> displayName = text(value, "displayName");
            case "name.givenname" -> givenName = text(value, "name.givenName");
            case "name.familyname" -> familyName = text(value, "name.familyName");
            case "name" -> {
                if (value instanceof JsonObject name) {
                    name.forEach((k, v) -> set("name." + k, v));
                } else if (value == null) {
                    givenName = null;
                    familyName = null;
                }
            }
            case "emails" -> email = primaryEmail(value);
            case "emails[type eq \"work\"].value", "emails[primary eq true].value", "emails.value" ->
                    email = text(value, "emails.value");
            case "active" -> active = value == null || bool(value, "active");
            default -> {
                // not kept by Keyhold
            }
        }
    }

    static String text(JsonValue value, String attribute) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString().strip();
        }
        if (value instanceof JsonArray array && array.size() == 1 && array.get(0) instanceof JsonObject o && o.containsKey("value")) {
            return text(o.get("value"), attribute); // Entra sends some single values as [{"value": …}]
        }
        throw ScimException.invalidValue(attribute + " must be a string");
    }

    /** A boolean; Entra ID sends {@code "False"} and {@code "True"} as strings. */
    static boolean bool(JsonValue value, String attribute) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        if (value instanceof JsonString s && (s.getString().equalsIgnoreCase("true") || s.getString().equalsIgnoreCase("false"))) {
            return s.getString().equalsIgnoreCase("true");
        }
        throw ScimException.invalidValue(attribute + " must be true or false");
    }

    /** The primary email, else the work one, else the first. */
    private static String primaryEmail(JsonValue emails) {
        if (!(emails instanceof JsonArray array) || array.isEmpty()) {
            return emails == null || emails.getValueType() == JsonValue.ValueType.NULL ? null : text(emails, "emails");
        }
        JsonObject chosen = null;
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonObject email)) {
                throw ScimException.invalidValue("emails must be objects with a value");
            }
            boolean primary = email.containsKey("primary") && bool(email.get("primary"), "emails.primary");
            boolean work = email.get("type") instanceof JsonString t && t.getString().equalsIgnoreCase("work");
            if (primary || chosen == null || (work && !(chosen.containsKey("primary") && bool(chosen.get("primary"), "primary")))) {
                chosen = email;
                if (primary) {
                    break;
                }
            }
        }
        return text(chosen.get("value"), "emails.value");
    }
}

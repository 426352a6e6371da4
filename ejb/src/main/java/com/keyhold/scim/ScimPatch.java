package com.keyhold.scim;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCIM PATCH request (RFC 7644 section 3.5.2) as Entra ID and Okta send it: operations
 * {@code add}, {@code replace}, {@code remove} in any letter case, with a path, or without one and an
 * object of attributes as the value; for groups, members added and removed by value or by
 * {@code members[value eq "id"]}.
 */
public final class ScimPatch {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int MAX_OPERATIONS = 1000;
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[value eq \"([^\"]+)\"]", Pattern.CASE_INSENSITIVE);

    /** What a PATCH does to a group: its new name and external id (if replaced), members added and removed. */
    public static final class GroupChange {
        public String displayName;
        public boolean displayNameChanged;
        public String externalId;
        public boolean externalIdChanged;
        public boolean replaceMembers;
        public final Set<String> added = new LinkedHashSet<>();
        public final Set<String> removed = new LinkedHashSet<>();
        public boolean removeAllMembers;
    }

    private record Operation(String op, String path, JsonValue value) {
    }

    private ScimPatch() {
    }

    /** Applies the operations to a user's attributes. */
    public static void applyToUser(JsonObject patch, ScimUserAttributes user) {
        for (Operation operation : operations(patch)) {
            if (operation.path() == null) {
                if (operation.op().equals("remove") || !(operation.value() instanceof JsonObject attributes)) {
                    throw new ScimException(400, "noTarget", "an operation without a path needs an object of attributes");
                }
                attributes.forEach(user::set);
            } else {
                user.set(operation.path(), operation.op().equals("remove") ? null : operation.value());
            }
        }
    }

    /** Reads the operations on a group. */
    public static GroupChange forGroup(JsonObject patch) {
        GroupChange change = new GroupChange();
        for (Operation operation : operations(patch)) {
            String path = operation.path() == null ? null : operation.path().strip();
            if (path == null) {
                if (!(operation.value() instanceof JsonObject attributes) || operation.op().equals("remove")) {
                    throw new ScimException(400, "noTarget", "an operation without a path needs an object of attributes");
                }
                attributes.forEach((name, value) -> groupAttribute(change, operation.op(), name, value));
                continue;
            }
            Matcher member = MEMBER_PATH.matcher(path);
            if (member.matches() && operation.op().equals("remove")) {
                change.removed.add(member.group(1));
            } else {
                groupAttribute(change, operation.op(), path, operation.op().equals("remove") ? operation.value() : operation.value());
            }
        }
        return change;
    }

    private static void groupAttribute(GroupChange change, String op, String name, JsonValue value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "displayname" -> {
                if (op.equals("remove")) {
                    throw ScimException.invalidValue("displayName is required");
                }
                change.displayName = ScimUserAttributes.text(value, "displayName");
                change.displayNameChanged = true;
            }
            case "externalid" -> {
                change.externalId = op.equals("remove") ? null : ScimUserAttributes.text(value, "externalId");
                change.externalIdChanged = true;
            }
            case "members" -> {
                List<String> ids = memberIds(value);
                switch (op) {
                    case "add" -> change.added.addAll(ids);
                    case "replace" -> {
                        change.replaceMembers = true;
                        change.added.clear();
                        change.added.addAll(ids);
                    }
                    default -> {
                        if (value == null || ids.isEmpty()) {
                            change.removeAllMembers = true;
                        } else {
                            change.removed.addAll(ids);
                        }
                    }
                }
            }
            default -> {
                // not kept by Keyhold
            }
        }
    }

    private static List<String> memberIds(JsonValue value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return ids;
        }
        JsonArray members = value instanceof JsonArray array ? array : null;
        if (members == null) {
            throw ScimException.invalidValue("members must be a list of {\"value\": id}");
        }
        for (JsonValue entry : members) {
            if (!(entry instanceof JsonObject m) || !(m.get("value") instanceof JsonString id)) {
                throw ScimException.invalidValue("members must be a list of {\"value\": id}");
            }
            ids.add(id.getString());
        }
        return ids;
    }

    private static List<Operation> operations(JsonObject patch) {
        if (patch == null || !(patch.get("Operations") instanceof JsonArray operations) || operations.isEmpty()) {
            throw ScimException.invalidValue("Operations is required");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new ScimException(413, null, "at most " + MAX_OPERATIONS + " operations");
        }
        List<Operation> result = new ArrayList<>();
        for (JsonValue entry : operations) {
            if (!(entry instanceof JsonObject operation) || !(operation.get("op") instanceof JsonString op)) {
                throw ScimException.invalidValue("each operation needs an op");
            }
            String name = op.getString().toLowerCase(Locale.ROOT);
            if (!name.equals("add") && !name.equals("replace") && !name.equals("remove")) {
                throw ScimException.invalidValue("op must be add, replace or remove");
            }
            String path = operation.get("path") instanceof JsonString p && !p.getString().isBlank() ? p.getString() : null;
            if (name.equals("remove") && path == null) {
                throw new ScimException(400, "noTarget", "remove needs a path");
            }
            result.add(new Operation(name, path, operation.get("value")));
        }
        return result;
    }
}

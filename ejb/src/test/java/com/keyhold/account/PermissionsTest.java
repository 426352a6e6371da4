package com.keyhold.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC A6, the role matrix: each role against each kind of action. */
class PermissionsTest {

    private static final Permissions ADMIN = new Permissions(MemberRole.ACCOUNT_ADMINISTRATOR, Set.of());
    private static final Permissions LICENSE_ADMIN_OF_K = new Permissions(MemberRole.LICENSE_ADMINISTRATOR, Set.of("K"));
    private static final Permissions REGULAR = new Permissions(MemberRole.REGULAR_MEMBER, Set.of());

    @Test
    void a6AccountAdministratorManagesEverything() {
        assertTrue(ADMIN.managesAccount());
        assertTrue(ADMIN.managesComputers());
        assertTrue(ADMIN.managesKey("K"));
        assertTrue(ADMIN.managesKey("any other key"));
        assertNull(ADMIN.keyScope(), "no key restriction");
    }

    @Test
    void a6LicenseAdministratorManagesOnlyTheComputersOfTheirKeys() {
        assertFalse(LICENSE_ADMIN_OF_K.managesAccount(), "never members, subscriptions, profiles");
        assertTrue(LICENSE_ADMIN_OF_K.managesComputers());
        assertTrue(LICENSE_ADMIN_OF_K.managesKey("K"));
        assertFalse(LICENSE_ADMIN_OF_K.managesKey("L"));
        assertEquals(Set.of("K"), LICENSE_ADMIN_OF_K.keyScope());
    }

    @Test
    void a6RegularMemberManagesNothing() {
        assertFalse(REGULAR.managesAccount());
        assertFalse(REGULAR.managesComputers());
        assertFalse(REGULAR.managesKey("K"));
        assertEquals(Set.of(), REGULAR.keyScope());
    }

    @Test
    void a6KeysOfAnotherRoleGrantNothing() {
        Permissions regularWithStaleKeys = new Permissions(MemberRole.REGULAR_MEMBER, Set.of("K"));
        assertFalse(regularWithStaleKeys.managesKey("K"));
        assertFalse(regularWithStaleKeys.managesComputers());
    }

    @Test
    void a6LicenseAdministratorWithoutKeysManagesNoComputers() {
        assertFalse(new Permissions(MemberRole.LICENSE_ADMINISTRATOR, Set.of()).managesComputers());
    }
}

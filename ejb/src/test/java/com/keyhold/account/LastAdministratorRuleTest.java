package com.keyhold.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import org.junit.jupiter.api.Test;

/** SPEC A8: the last active account administrator cannot leave, be demoted, blocked or removed. */
class LastAdministratorRuleTest {

    @Test
    void a8TheLastAdministratorCannotStopBeingOne() {
        KeyholdException refused = assertThrows(KeyholdException.class, () -> LastAdministratorRule.check(1, true, false));
        assertEquals(ErrorCode.LAST_ADMINISTRATOR, refused.code());
    }

    @Test
    void a8WithAnotherActiveAdministratorItIsAllowed() {
        assertDoesNotThrow(() -> LastAdministratorRule.check(2, true, false));
    }

    @Test
    void a8ChangesThatKeepTheAdministratorAreAllowed() {
        assertDoesNotThrow(() -> LastAdministratorRule.check(1, true, true), "notes, or saving the same role");
    }

    @Test
    void a8OtherMembersAreNotConcerned() {
        assertDoesNotThrow(() -> LastAdministratorRule.check(1, false, false));
    }
}

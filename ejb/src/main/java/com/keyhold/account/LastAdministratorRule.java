package com.keyhold.account;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;

/**
 * SPEC A8: a business account always keeps an active Account Administrator. The last one cannot
 * leave, be demoted, blocked or removed; every such change asks this rule first, under the account's
 * row lock so that two administrators cannot demote each other at the same moment.
 */
public final class LastAdministratorRule {

    private LastAdministratorRule() {
    }

    /**
     * @param activeAdministrators  active account administrators before the change
     * @param targetIsActiveAdmin   whether the member being changed is one of them
     * @param targetStaysActiveAdmin whether they still are after the change
     */
    public static void check(long activeAdministrators, boolean targetIsActiveAdmin, boolean targetStaysActiveAdmin) {
        if (targetIsActiveAdmin && !targetStaysActiveAdmin && activeAdministrators <= 1) {
            throw new KeyholdException(ErrorCode.LAST_ADMINISTRATOR, "The last active account administrator cannot leave,"
                    + " be demoted, blocked or removed. Make another member an account administrator first.");
        }
    }
}

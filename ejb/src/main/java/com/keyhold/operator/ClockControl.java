package com.keyhold.operator;

import com.keyhold.common.KeyholdException;
import com.keyhold.common.MovableClock;
import com.keyhold.subscription.OperatorAccess;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Moving the server's clock, for timer tests only (issue 10): an operator may shift it where
 * {@code keyhold.testing.clock-control} is set; anywhere else the control does not exist ("not found").
 */
@Stateless
public class ClockControl {

    /** At most a few years either way: enough for any expiry rule, never an accident of units. */
    static final Duration MAX_OFFSET = Duration.ofDays(5 * 366);

    @Inject
    MovableClock clock;

    @EJB
    OperatorAccess operators;

    /** @return the offset now in force */
    public Duration shift(long offsetSeconds) {
        operators.requireOperator();
        if (!clock.isControllable()) {
            throw KeyholdException.notFound("Clock control");
        }
        Duration offset = Duration.ofSeconds(offsetSeconds);
        if (offset.abs().compareTo(MAX_OFFSET) > 0) {
            throw KeyholdException.badRequest("offsetSeconds", "must be within five years");
        }
        clock.shift(offset);
        return offset;
    }
}

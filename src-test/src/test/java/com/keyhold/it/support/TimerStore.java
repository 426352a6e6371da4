package com.keyhold.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's persistent EJB timers as stored in Keyhold's database, read directly: Payara's
 * {@code EJB__TIMER__TBL} or, in a {@code -Dwildfly} run (issue 17), WildFly's {@code JBOSS_EJB_TIMER}.
 * Schedules are given in Payara's shape, the fields joined by {@code " # "} (second, minute, hour, day
 * of month, month, day of week, year), whichever server stored them.
 */
public final class TimerStore {

    private static final boolean WILDFLY = "wildfly".equals(System.getProperty("keyhold.server"));

    private TimerStore() {
    }

    /** A stored timer: its id and the moment of its next delivery (epoch milliseconds). */
    public record StoredTimer(String id, long nextDelivery) {
    }

    public static List<String> schedules() {
        String sql = WILDFLY ? "SELECT CONCAT_WS(' # ', SCHEDULE_EXPR_SECOND, SCHEDULE_EXPR_MINUTE, SCHEDULE_EXPR_HOUR,"
                + " SCHEDULE_EXPR_DAY_OF_MONTH, SCHEDULE_EXPR_MONTH, SCHEDULE_EXPR_DAY_OF_WEEK, SCHEDULE_EXPR_YEAR) FROM JBOSS_EJB_TIMER"
                : "SELECT `SCHEDULE` FROM EJB__TIMER__TBL";
        List<String> schedules = new ArrayList<>();
        try (Connection db = KeyholdServerExtension.server().connect(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                schedules.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return schedules;
    }

    /** The timer whose minute field contains {@code minuteField} (e.g. {@code "*}{@code /5"}). */
    public static StoredTimer byMinute(String minuteField, long scheduleMillis) {
        String sql = WILDFLY ? "SELECT ID, NEXT_DATE FROM JBOSS_EJB_TIMER WHERE SCHEDULE_EXPR_MINUTE LIKE ?"
                : "SELECT TIMERID, CREATIONTIMERAW FROM EJB__TIMER__TBL WHERE `SCHEDULE` LIKE ?";
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, "%" + minuteField + "%");
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no stored timer with minute " + minuteField);
                }
                // Payara keeps the creation time: the first delivery is the next mark of the schedule after it
                long next = WILDFLY ? row.getTimestamp(2).getTime() : (row.getLong(2) / scheduleMillis + 1) * scheduleMillis;
                return new StoredTimer(row.getString(1), next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** When the timer was last delivered (epoch milliseconds; 0 for never), or null when it is gone. */
    public static Long lastDelivery(String timerId) {
        String sql = WILDFLY ? "SELECT PREVIOUS_RUN FROM JBOSS_EJB_TIMER WHERE ID = ?"
                : "SELECT LASTEXPIRATIONRAW FROM EJB__TIMER__TBL WHERE TIMERID = ?";
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, timerId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (WILDFLY) {
                    java.sql.Timestamp at = row.getTimestamp(1);
                    return at == null ? 0L : at.getTime();
                }
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

package com.keyhold.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts and values in the test database, read directly (not through Keyhold), for what a test must see stored. */
public final class Rows {

    private Rows() {
    }

    /** Runs one change with string parameters (test fixtures Keyhold has no interface for); answers the rows changed. */
    public static int execute(String sql, String... parameters) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement change = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                change.setString(i + 1, parameters[i]);
            }
            return change.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a {@code SELECT COUNT(*) …} with string parameters answers. */
    public static long count(String sql, String... parameters) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single text a {@code SELECT column …} with string parameters answers (null when no row). */
    public static String text(String sql, String... parameters) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

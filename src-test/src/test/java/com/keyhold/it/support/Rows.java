package com.keyhold.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts in the test database, read directly (not through Keyhold), for what a test must see stored. */
public final class Rows {

    private Rows() {
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
}

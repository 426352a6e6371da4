package com.keyhold.bench;

import com.keyhold.it.support.KeyholdServerExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;

/** The database's EXPLAIN of a statement, as a text table for the benchmark reports. */
final class Explain {

    private Explain() {
    }

    static String of(String explainSql, Object... parameters) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement explain = db.prepareStatement(explainSql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    out.append(c == 1 ? "  " : " | ").append(columns.getColumnLabel(c));
                }
                out.append(System.lineSeparator());
                while (rows.next()) {
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        out.append(c == 1 ? "  " : " | ").append(rows.getString(c));
                    }
                    out.append(System.lineSeparator());
                }
            }
            return out.toString();
        }
    }
}

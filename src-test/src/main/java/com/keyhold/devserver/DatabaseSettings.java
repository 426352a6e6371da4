package com.keyhold.devserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** Where a MySQL-compatible server is and how to log in to it over TCP. */
public record DatabaseSettings(String host, int port, String user, String password) {

    /**
     * Settings from system properties or environment variables with the given prefix, e.g.
     * {@code keyhold.db.host} or {@code KEYHOLD_DB_HOST}; empty when no host is configured.
     */
    public static Optional<DatabaseSettings> configured(String prefix) {
        Function<String, String> read = name -> {
            String property = System.getProperty(prefix + "." + name);
            if (property != null && !property.isBlank()) {
                return property;
            }
            String env = System.getenv((prefix + "_" + name).replace('.', '_').replace('-', '_').toUpperCase());
            return env == null || env.isBlank() ? null : env;
        };
        String host = read.apply("host");
        if (host == null) {
            return Optional.empty();
        }
        String port = read.apply("port");
        String user = read.apply("user");
        String password = read.apply("password");
        return Optional.of(new DatabaseSettings(host, port == null ? 3306 : Integer.parseInt(port),
                user == null ? "keyhold" : user, password == null ? "" : password));
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }
}

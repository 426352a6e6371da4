package com.keyhold.rest.health;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** CONTRACT section 9: not ready while the database does not answer. */
class DatabaseReadinessCheckTest {

    @Test
    void aDatabaseThatDoesNotAnswerMeansNotReady() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MysqlDataSource unreachable = new MysqlDataSource();
        unreachable.setServerName("127.0.0.1");
        unreachable.setPort(closedPort);
        unreachable.setUser("keyhold");
        unreachable.setConnectTimeout(2000);
        assertFalse(DatabaseReadinessCheck.databaseAnswers(unreachable));
    }
}

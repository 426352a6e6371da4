package com.keyhold.devserver;

import java.nio.file.Path;

/**
 * The application server the integration tests run Keyhold in (issue 17): a Payara Server domain
 * ({@link PayaraDomain}, the default) or a WildFly installation ({@link WildFlyServer}). What the test
 * harness needs of either: its HTTP port, its log, its configuration folder (where Keyhold keeps the
 * signing key's encryption key), and a start, a stop and a crash.
 */
public interface AppServer {

    int httpPort();

    Path serverLog();

    Path configDir();

    boolean isRunning();

    void start();

    void stop();

    /** A crash: the server JVM is killed with SIGKILL. */
    void killForcibly();
}

package com.keyhold.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A TCP relay between Payara and the test database that a test can cut, as a database outage
 * looks from the server (issue 14): {@link #cut()} resets every open connection and refuses new
 * ones at once (as a stopped MariaDB's closed port does); {@link #restore()} lets connections through
 * again. The tests' own JDBC connections ({@link KeyholdTestServer#connect()}) go to the database
 * directly, so a test can still look and even write while Keyhold cannot.
 *
 * <p>Two threads per relayed connection: the pools hold a few dozen connections at most.
 */
public final class DatabaseGate implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;
    private volatile boolean closed;

    private DatabaseGate(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on a free loopback port and relays to {@code host:port}. */
    public static DatabaseGate start(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            DatabaseGate gate = new DatabaseGate(listener, new InetSocketAddress(host, port));
            Thread acceptor = new Thread(gate::accept, "database-gate");
            acceptor.setDaemon(true);
            acceptor.start();
            return gate;
        } catch (IOException e) {
            throw new IllegalStateException("could not open the database gate", e);
        }
    }

    /** The port Keyhold is given as its database's. */
    public int port() {
        return listener.getLocalPort();
    }

    public boolean isOpen() {
        return open;
    }

    /** The database "goes away": every relayed connection is reset, new ones are refused until {@link #restore()}. */
    public void cut() {
        open = false;
        for (Socket socket : relayed) {
            reset(socket);
        }
        LOG.info("Database gate cut: Keyhold cannot reach its database");
    }

    public void restore() {
        open = true;
        LOG.info("Database gate restored");
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warning("database gate stopped accepting: " + e);
                }
                return;
            }
            if (!open) {
                reset(client);
                continue;
            }
            Socket server = new Socket();
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                reset(client);
                reset(server);
                continue;
            }
            relayed.add(client);
            relayed.add(server);
            pump(client, server);
            pump(server, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closedOrCut) {
                // the other side closed, or the gate was cut: end both directions
            } finally {
                reset(from);
                reset(to);
            }
        }, "database-gate-relay");
        pump.setDaemon(true);
        pump.start();
    }

    /** Closes with a TCP reset rather than an orderly FIN, as a lost server or network does. */
    private void reset(Socket socket) {
        relayed.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}

package dev.migrationgate.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP port in front of the test PostgreSQL that refuses connections (nothing listens) until
 * {@link #open()} is called, then forwards bytes both ways: a database that comes up after the service.
 */
public final class DelayedProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delayed-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket listener;

    public DelayedProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    /** The port clients connect to; refused until opened. */
    public int port() {
        return port;
    }

    /** Starts listening and forwarding. */
    public synchronized void open() throws IOException {
        ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        listener = socket;
        pumps.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    pumps.submit(() -> pump(client, upstream));
                    pumps.submit(() -> pump(upstream, client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            closeQuietly(from);
        } finally {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the peer is gone already
        }
    }

    @Override
    public void close() throws IOException {
        if (listener != null) {
            listener.close();
        }
        pumps.shutdownNow();
    }
}

package dev.migrationgate.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test PostgreSQL that forwards bytes both ways until {@link #blackHole()} is
 * called; then, like a network that silently drops packets, nothing passes in either direction, not even a
 * close: bytes wait in the sockets, and a new connection is accepted but reaches the server only once
 * {@link #heal()} is called, when everything held resumes. {@link #failOver()} heals only what connects from then
 * on, like a failover to a new primary while the sockets open to the old one hang for good. It counts the
 * connections clients open, so a test can tell how many the service tried while the database was unreachable.
 */
public final class BlackHoleProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "black-hole-proxy");
        t.setDaemon(true);
        return t;
    });
    private boolean holding;
    private Object epoch = new Object();
    private final Set<Object> stranded = new HashSet<>();

    public BlackHoleProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.submit(this::accept);
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients have opened so far. */
    public int accepted() {
        return accepted.get();
    }

    /** From now on nothing passes, in either direction, on old or new connections. */
    public synchronized void blackHole() {
        holding = true;
    }

    /** Lets everything held pass again. */
    public synchronized void heal() {
        holding = false;
        stranded.clear();
        notifyAll();
    }

    /** Connections opened from now on pass; those opened before stay as they are now, held ones for good. */
    public synchronized void failOver() {
        if (holding) {
            stranded.add(epoch);
        }
        epoch = new Object();
        holding = false;
        notifyAll();
    }

    private synchronized Object currentEpoch() {
        return epoch;
    }

    private synchronized void awaitPassage(Object connectedIn) throws InterruptedException {
        while ((holding && connectedIn == epoch) || stranded.contains(connectedIn)) {
            wait();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Object connectedIn = currentEpoch();
                pumps.submit(() -> connect(client, connectedIn));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client, Object connectedIn) {
        try {
            awaitPassage(connectedIn);
            Socket upstream = new Socket(targetHost, targetPort);
            pumps.submit(() -> pump(client, upstream, connectedIn));
            pumps.submit(() -> pump(upstream, client, connectedIn));
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, Object connectedIn) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (true) {
                awaitPassage(connectedIn);
                int read = in.read(buffer);
                awaitPassage(connectedIn);
                if (read < 0) {
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
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
        heal();
        listener.close();
        pumps.shutdownNow();
    }
}

package dev.migrationgate.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of the test PostgreSQL whose behaviour the test switches at any time:
 * {@link Mode#FORWARD} passes bytes both ways; {@link Mode#REFUSE} resets every open connection and refuses
 * new ones (nothing listens); {@link Mode#BLACK_HOLE} keeps every open connection but drops every byte both
 * ways (packets lost, no FIN, no RST: a hung network), and new connections reach nothing; {@link Mode#SLOW}
 * forwards each chunk after a delay.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy does with traffic. */
    public enum Mode { FORWARD, REFUSE, BLACK_HOLE, SLOW }

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Mode mode = Mode.REFUSE;
    private volatile long slowDelayMillis = 500;
    private ServerSocket listener;

    /** A proxy in mode REFUSE; call {@link #mode(Mode)} to start it. */
    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** The delay of each forwarded chunk in mode SLOW. */
    public void slowDelayMillis(long millis) {
        this.slowDelayMillis = millis;
    }

    /** Switches the behaviour; REFUSE also resets every connection already open. */
    public synchronized void mode(Mode next) throws IOException {
        mode = next;
        if (next == Mode.REFUSE) {
            if (listener != null) {
                listener.close();
                listener = null;
            }
            for (Socket socket : open) {
                reset(socket);
            }
            return;
        }
        if (listener == null) {
            ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            listener = socket;
            pumps.submit(() -> accept(socket));
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (mode == Mode.BLACK_HOLE) {
                    open.add(client);
                    pumps.submit(() -> swallow(client));
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pumps.submit(() -> pump(client, upstream));
                pumps.submit(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                Mode now = mode;
                if (now == Mode.BLACK_HOLE) {
                    continue;
                }
                if (now == Mode.SLOW) {
                    Thread.sleep(slowDelayMillis);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            reset(from);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(from);
            close(to);
        }
    }

    /** A connection accepted during a black hole: nothing reaches the database, nothing comes back. */
    private void swallow(Socket client) {
        try (InputStream in = client.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            reset(client);
        } finally {
            open.remove(client);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed: nothing to reset
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the peer is gone already
        }
    }

    @Override
    public void close() throws IOException {
        mode(Mode.REFUSE);
        pumps.shutdownNow();
    }
}

package dev.migrationgate.bench;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * A socket factory for pgjdbc (connection property {@code socketFactory}) whose sockets count network round
 * trips: one each time a connection starts reading after it has written. This sees every message the driver
 * exchanges with the server, the queries behind {@code DatabaseMetaData} and the driver's own look-ups
 * included, whatever the JDBC calls that caused them.
 */
public final class RoundTripCounter extends SocketFactory {

    private static final AtomicLong ROUND_TRIPS = new AtomicLong();

    /** The round trips of every connection made through this factory so far. */
    public static long roundTrips() {
        return ROUND_TRIPS.get();
    }

    /** {@code jdbcUrl} with this factory as its socket factory. */
    public static String on(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "socketFactory=" + RoundTripCounter.class.getName();
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = new CountingSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** A socket counting a round trip whenever a read follows a write. */
    private static final class CountingSocket extends Socket {

        private volatile boolean written;
        private InputStream input;
        private OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        arriving();
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        arriving();
                        return in.read(buffer, offset, length);
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        written = true;
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        written = true;
                        out.write(buffer, offset, length);
                    }
                };
            }
            return output;
        }

        private void arriving() {
            if (written) {
                written = false;
                ROUND_TRIPS.incrementAndGet();
            }
        }
    }
}

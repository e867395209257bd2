package dev.migrationgate.inspect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * At most one PostgreSQL connection, opened on first use and kept between batches, for readiness
 * re-validation. A batch its caller abandons (cancels the subscription, e.g. past {@code gate.check-timeout})
 * closes the connection at once, so a hung database never holds more than this one; while an abandoned
 * attempt to connect has not settled, new batches fail at once instead of opening a second connection.
 * <p>
 * An abandoned attempt still unsettled after {@code connectBound} ({@code gate.connect-timeout}) is given up:
 * a login nobody answers (a socket accepted by a hung proxy, or by the old primary after a failover) would
 * otherwise keep every batch failing for good, and Vert.x bounds only the TCP handshake (the client swallows
 * the socket's idle events) and cannot cancel it. The next batch connects anew; the given-up attempt's
 * connection, should it ever arrive, is closed. While given-up attempts are unsettled, each further one
 * waits longer than the one before (the second at once, then {@code connectBound}, then twice it, no longer):
 * a login that hangs for a time T leaves about T / (3 × connectBound) sockets (the attempt's own bound and the
 * wait), which never settle when the peer holds them, and readiness connects within about three bounds of
 * the database answering again.
 */
public final class SingleConnection implements CatalogConnection, AutoCloseable {

    /** The longest wait before another attempt while given-up ones are unsettled, in {@code connectBound}s. */
    private static final long MOST_BOUNDS_BETWEEN = 2;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration connectBound;
    private int givenUp;
    private long lastGiveUp;
    private PgConnection idle;
    private Use current;
    private boolean warming;
    private boolean closed;

    /** @param connectBound how long an abandoned attempt to connect may stay unsettled before it is given up */
    public SingleConnection(Vertx vertx, PgConnectOptions options, Duration connectBound) {
        this.vertx = vertx;
        this.options = options;
        this.connectBound = connectBound;
    }

    /**
     * Runs {@code sql} on the connection. A connection kept from an earlier batch that turns out lost (the
     * server ended it, e.g. restarted or failed over, before its close reached this client) is replaced once,
     * at once: the catalog queries only read, so running them again is safe, and a readiness probe must not
     * fail for a connection that was gone before it asked.
     */
    @Override
    public Uni<RowSet<Row>> query(String sql) {
        return attempt(sql).onFailure(LostConnection.class).recoverWithUni(lost -> attempt(sql));
    }

    private Uni<RowSet<Row>> attempt(String sql) {
        return Uni.createFrom().deferred(() -> {
            Use use;
            PgConnection open;
            synchronized (this) {
                if (current != null && !giveUp(current)) {
                    return Uni.createFrom().failure(new InspectionException("connecting to database "
                            + options.getDatabase(), new TimeoutException("the previous validation, abandoned,"
                                    + " has not released the gate's connection yet: the database has not answered")));
                }
                long waitNanos = givenUp == 0 ? 0
                        : connectBound.toNanos() * Math.min(givenUp - 1, MOST_BOUNDS_BETWEEN)
                                - (System.nanoTime() - lastGiveUp);
                if (waitNanos > 0) {
                    return Uni.createFrom().failure(new InspectionException("connecting to database "
                            + options.getDatabase(), new TimeoutException(givenUp + " attempts to connect have"
                                    + " not been answered, each given up after gate.connect-timeout ("
                                    + connectBound.toMillis() + " ms): the database or the network hangs; the next"
                                    + " attempt in " + Duration.ofNanos(waitNanos).toMillis() + " ms")));
                }
                use = new Use();
                current = use;
                open = idle;
                idle = null;
                if (open == null) {
                    use.connecting = true;
                    use.connectStarted = System.nanoTime();
                }
            }
            Uni<PgConnection> ready = open != null
                    ? Uni.createFrom().item(open).invoke(connection -> attach(use, connection)) : connect(use);
            Uni<RowSet<Row>> rows = ready.chain(connection -> connection.query(sql).execute())
                    .onItemOrFailure().invoke((result, failure) -> finish(use, failure == null))
                    .onCancellation().invoke(() -> abandon(use));
            return open == null ? rows
                    : rows.onFailure(SingleConnection::lost).transform(LostConnection::new);
        });
    }

    /**
     * Opens the connection ahead of the first batch, without waiting: the gate calls it as post-migration
     * starts, so the first readiness validation after the gate passed neither loads the client nor connects. Does
     * nothing while a connection is open or opening. A batch that starts before the warm-up's connection
     * arrives does not wait for it: it opens its own, as without a warm-up, and the warm-up's is closed on
     * arrival, so one connection is kept; a failed warm-up leaves the first batch to connect.
     */
    public void warmUp() {
        synchronized (this) {
            if (idle != null || current != null || warming || closed) {
                return;
            }
            warming = true;
        }
        PgConnection.connect(vertx, options).subscribe().with(this::warmed, failure -> {
            synchronized (this) {
                warming = false;
            }
        });
    }

    private void warmed(PgConnection connection) {
        synchronized (this) {
            warming = false;
            if (idle == null && current == null && !closed) {
                idle = connection;
                connection.closeHandler(() -> forget(connection));
                return;
            }
        }
        connection.closeAndForget();
    }

    /** Whether a connection is open or opening now. */
    public synchronized boolean holdsConnection() {
        return idle != null || current != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (idle != null) {
            idle.closeAndForget();
            idle = null;
        }
        if (current != null) {
            abandon(current);
        }
    }

    /**
     * Connects; a connection that arrives after its use was abandoned is closed on arrival. The caller gets a
     * stage of its own, completed once the connection is attached: cancelling it must not cancel the
     * attempt's own completion action (a cancelled dependent stage skips its action).
     */
    private Uni<PgConnection> connect(Use use) {
        CompletableFuture<PgConnection> attached = new CompletableFuture<>();
        PgConnection.connect(vertx, options).subscribeAsCompletionStage().whenComplete((connection, failure) -> {
            settle(use, connection);
            if (connection != null) {
                attached.complete(connection);
            } else {
                attached.completeExceptionally(failure);
            }
        });
        return Uni.createFrom().completionStage(attached).onFailure().transform(
                e -> new InspectionException("connecting to database " + options.getDatabase(),
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    private synchronized void attach(Use use, PgConnection connection) {
        if (use.abandoned) {
            connection.closeAndForget();
            release(use);
        } else {
            use.connection = connection;
            connection.closeHandler(() -> forget(connection));
        }
    }

    /** Drops {@code connection} if it is the idle one: the server or the network closed it between batches. */
    private synchronized void forget(PgConnection connection) {
        if (idle == connection) {
            idle = null;
        }
    }

    /**
     * Whether {@code failure} says the connection itself is gone (closed, reset, or ended by the server:
     * SQLSTATE class 08 or 57P), not that the query failed on a working connection.
     */
    private static boolean lost(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"));
        }
        return failure instanceof ClosedConnectionException || failure instanceof IOException;
    }

    /** A batch failed because the connection it reused was lost; the batch is run once more on a new one. */
    private static final class LostConnection extends RuntimeException {

        LostConnection(Throwable cause) {
            super(cause);
        }
    }

    private synchronized void finish(Use use, boolean healthy) {
        if (current != use) {
            return;
        }
        if (use.abandoned) {
            current = null;
            return;
        }
        if (healthy) {
            idle = use.connection;
        } else if (use.connection != null) {
            use.connection.closeAndForget();
        }
        current = null;
    }

    private synchronized void abandon(Use use) {
        use.abandoned = true;
        if (use.connection != null) {
            use.connection.closeAndForget();
            release(use);
        }
    }

    private void release(Use use) {
        if (current == use) {
            current = null;
        }
    }

    /**
     * Gives {@code use} up when it is an abandoned attempt to connect unsettled for longer than
     * {@code connectBound}: it no longer holds the connection, and whatever it connects is closed on arrival.
     */
    private boolean giveUp(Use use) {
        if (!use.abandoned || use.connection != null || !use.connecting
                || System.nanoTime() - use.connectStarted < connectBound.toNanos()) {
            return false;
        }
        use.givenUp = true;
        givenUp++;
        lastGiveUp = System.nanoTime();
        release(use);
        return true;
    }

    /**
     * The attempt of {@code use} to connect has settled with {@code connection}, or with a failure (null): in
     * one step, so that no batch can give up an attempt that has already settled.
     */
    private synchronized void settle(Use use, PgConnection connection) {
        use.connecting = false;
        if (use.givenUp) {
            use.givenUp = false;
            givenUp--;
        }
        if (connection != null) {
            attach(use, connection);
        } else {
            finish(use, false);
        }
    }

    /** One batch's claim on the connection. */
    private static final class Use {
        private PgConnection connection;
        private boolean abandoned;
        private boolean givenUp;
        private boolean connecting;
        private long connectStarted;
    }
}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * At most one PostgreSQL connection, opened on first use and kept between batches, for readiness
 * re-validation. A batch its caller abandons (cancels the subscription, e.g. past {@code gate.check-timeout})
 * closes the connection at once, so a hung database never holds more than this one; while an abandoned
 * attempt to connect has not settled, new batches fail at once instead of opening a second connection.
 */
public final class SingleConnection implements CatalogConnection, AutoCloseable {

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgConnection idle;
    private Use current;
    private boolean warming;
    private boolean closed;

    public SingleConnection(Vertx vertx, PgConnectOptions options) {
        this.vertx = vertx;
        this.options = options;
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
                if (current != null) {
                    return Uni.createFrom().failure(new InspectionException("connecting to database "
                            + options.getDatabase(), new TimeoutException("the previous validation, abandoned,"
                                    + " has not released the gate's connection yet: the database has not answered")));
                }
                use = new Use();
                current = use;
                open = idle;
                idle = null;
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
            if (connection != null) {
                attach(use, connection);
                attached.complete(connection);
            } else {
                finish(use, false);
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

    /** One batch's claim on the connection. */
    private static final class Use {
        private PgConnection connection;
        private boolean abandoned;
    }
}

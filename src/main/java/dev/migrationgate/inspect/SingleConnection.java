package dev.migrationgate.inspect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgConnectOptions;
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

    public SingleConnection(Vertx vertx, PgConnectOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    @Override
    public Uni<RowSet<Row>> query(String sql) {
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
            return ready.chain(connection -> connection.query(sql).execute())
                    .onItemOrFailure().invoke((rows, failure) -> finish(use, failure == null))
                    .onCancellation().invoke(() -> abandon(use));
        });
    }

    /** Whether a connection is open or opening now. */
    public synchronized boolean holdsConnection() {
        return idle != null || current != null;
    }

    @Override
    public synchronized void close() {
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

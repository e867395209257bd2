package dev.migrationgate.inspect;

import dev.migrationgate.expect.Expectations;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Reads a {@link CatalogSnapshot} without blocking, on the Reactive PostgreSQL client, with the same row
 * mapping as {@link JdbcCatalogInspector}: the catalog and the history fingerprint as one simple-protocol
 * message (one round trip, one implicit transaction; see {@link CatalogRead}), a second round trip only when
 * a needed extension is missing. The history comes from memory while its fingerprint is unchanged, and
 * otherwise from the (blocking) reader on a worker executor. For runtime probes.
 */
public final class ReactiveCatalogInspector {

    private final String database;
    private final CatalogConnection connection;
    private final MigrationHistoryReader history;
    private final Executor blocking;
    private final AvailableExtensions available = new AvailableExtensions();

    /**
     * @param database the database's name, for error messages
     * @param connection where the batches run
     * @param history where the migration history comes from ({@link MigrationHistoryReader#none()} for none)
     * @param blocking where the history is read, never an event loop
     */
    public ReactiveCatalogInspector(String database, CatalogConnection connection, MigrationHistoryReader history,
            Executor blocking) {
        this.database = database;
        this.connection = connection;
        this.history = history;
        this.blocking = blocking;
    }

    /** Reads the history on Mutiny's default worker pool (in Quarkus, its worker threads). */
    public ReactiveCatalogInspector(String database, CatalogConnection connection, MigrationHistoryReader history) {
        this(database, connection, history, Infrastructure.getDefaultWorkerPool());
    }

    /** Borrows a connection of {@code pool} for each batch. */
    public ReactiveCatalogInspector(String database, Pool pool, MigrationHistoryReader history) {
        this(database, CatalogConnection.of(pool, database), history);
    }

    /** The snapshot with the columns of {@code tables} (names as the application's session resolves them). */
    public Uni<CatalogSnapshot> snapshot(Collection<String> tables) {
        return inspect(tables).map(InspectionResult::snapshot);
    }

    /** The snapshot of what {@code expectations} check: their tables' columns and their extensions. */
    public Uni<CatalogSnapshot> snapshot(Expectations expectations) {
        return inspect(expectations).map(InspectionResult::snapshot);
    }

    /** Like {@link #snapshot(Collection)}, with the number of catalog queries run and the time taken. */
    public Uni<InspectionResult> inspect(Collection<String> tables) {
        return Uni.createFrom().deferred(() -> inspect(
                new CatalogRead(tables, Optional.empty(), available, history.fingerprintTable())));
    }

    /**
     * Like {@link #snapshot(Expectations)}, with the number of catalog queries run and the time taken; what the
     * server offers is read only when one of the expected extensions is missing or below its floor.
     */
    public Uni<InspectionResult> inspect(Expectations expectations) {
        return Uni.createFrom().deferred(() -> inspect(new CatalogRead(expectations.tables(),
                Optional.of(expectations.extensions()), available, history.fingerprintTable())));
    }

    private Uni<InspectionResult> inspect(CatalogRead read) {
        long started = System.nanoTime();
        return run(read, read.first())
                .chain(ignored -> read.second().map(query -> run(read, List.of(query))).orElse(Uni.createFrom().voidItem()))
                .chain(ignored -> migrations(read.fingerprint()))
                .map(migrations -> new InspectionResult(read.snapshot(migrations), read.queries(),
                        Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<Void> run(CatalogRead read, List<CatalogQuery> batch) {
        return Uni.createFrom().deferred(() -> {
            read.ran(batch);
            return connection.query(read.inlinedSql(batch));
        }).map(first -> {
            RowSet<Row> rows = first;
            for (CatalogQuery query : batch) {
                for (Row row : rows) {
                    read.accept(query, new VertxRow(row));
                }
                rows = rows.next();
            }
            return (Void) null;
        }).onFailure(e -> !(e instanceof InspectionException))
                .transform(e -> new InspectionException(JdbcCatalogInspector.operation(batch) + " of database "
                        + database, e));
    }

    private Uni<MigrationHistory> migrations(Optional<HistoryFingerprint> fingerprint) {
        Optional<MigrationHistory> unchanged = fingerprint.flatMap(history::unchanged);
        if (unchanged.isPresent()) {
            return Uni.createFrom().item(unchanged.get());
        }
        return Uni.createFrom().item(() -> fingerprint.map(history::read).orElseGet(history::read))
                .runSubscriptionOn(blocking);
    }

    /** A row of the reactive client. */
    private record VertxRow(Row row) implements CatalogRow {

        @Override
        public String text(String column) {
            return row.getString(column);
        }

        @Override
        public int integer(String column) {
            Integer value = row.getInteger(column);
            return value == null ? 0 : value;
        }

        @Override
        public boolean flag(String column) {
            return Boolean.TRUE.equals(row.getBoolean(column));
        }

        @Override
        public List<String> texts(String column) {
            String[] values = row.getArrayOfStrings(column);
            return values == null ? List.of() : List.of(values);
        }
    }
}

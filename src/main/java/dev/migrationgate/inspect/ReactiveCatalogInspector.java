package dev.migrationgate.inspect;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a {@link CatalogSnapshot} without blocking, on the Reactive PostgreSQL client: the same three
 * catalog queries and row mapping as {@link JdbcCatalogInspector}, pipelined on one
 * connection, while the (blocking) migration history is read on a worker executor. For runtime probes.
 */
public final class ReactiveCatalogInspector {

    private final String database;
    private final Pool pool;
    private final MigrationHistoryReader history;
    private final Executor blocking;

    /**
     * @param database the database's name, for error messages
     * @param pool connections to that database
     * @param history where the migration history comes from ({@link MigrationHistoryReader#none()} for none)
     * @param blocking where the history is read, never an event loop
     */
    public ReactiveCatalogInspector(String database, Pool pool, MigrationHistoryReader history, Executor blocking) {
        this.database = database;
        this.pool = pool;
        this.history = history;
        this.blocking = blocking;
    }

    /** Reads the history on Mutiny's default worker pool (in Quarkus, its worker threads). */
    public ReactiveCatalogInspector(String database, Pool pool, MigrationHistoryReader history) {
        this(database, pool, history, Infrastructure.getDefaultWorkerPool());
    }

    /** The snapshot with the columns of {@code tables} (names as the application's session resolves them). */
    public Uni<CatalogSnapshot> snapshot(Collection<String> tables) {
        return inspect(tables).map(InspectionResult::snapshot);
    }

    /** Like {@link #snapshot}, with the number of catalog queries run and the time taken. */
    public Uni<InspectionResult> inspect(Collection<String> tables) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            AtomicInteger queries = new AtomicInteger();
            Uni<List<RowSet<Row>>> catalog = pool
                    .withConnection(connection -> Uni.join().all(Arrays.stream(CatalogQuery.values())
                            .map(query -> run(connection, query, query.parameters(tables), queries)).toList())
                            .andFailFast())
                    .onFailure(e -> !(e instanceof InspectionException))
                    .transform(e -> new InspectionException("connecting to database " + database, e));
            Uni<MigrationHistory> migrations = Uni.createFrom().item(history::read).runSubscriptionOn(blocking);
            return Uni.combine().all().unis(catalog, migrations).asTuple().map(results -> {
                CatalogAssembler assembler = new CatalogAssembler();
                CatalogQuery[] order = CatalogQuery.values();
                for (int i = 0; i < order.length; i++) {
                    for (Row row : results.getItem1().get(i)) {
                        assembler.accept(order[i], new VertxRow(row));
                    }
                }
                return new InspectionResult(assembler.snapshot(results.getItem2()), queries.get(),
                        Duration.ofNanos(System.nanoTime() - started));
            });
        });
    }

    private Uni<RowSet<Row>> run(SqlConnection connection, CatalogQuery query, List<Object> parameters,
            AtomicInteger queries) {
        return Uni.createFrom().deferred(() -> {
            queries.incrementAndGet();
            return connection.preparedQuery(query.sql()).execute(Tuple.from(parameters));
        }).onFailure().transform(e -> new InspectionException(query.operation() + " of database " + database, e));
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

package dev.migrationgate.inspect;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Where the reactive inspector sends a batch of statements (one simple-protocol message, one round trip). */
@FunctionalInterface
public interface CatalogConnection {

    /** Runs {@code sql}, one or more statements, and answers the first statement's rows ({@code next()} for the rest). */
    Uni<RowSet<Row>> query(String sql);

    /** Each batch on a connection borrowed from {@code pool} to {@code database} (named in errors). */
    static CatalogConnection of(Pool pool, String database) {
        return sql -> pool.getConnection()
                .onFailure().transform(e -> new InspectionException("connecting to database " + database, e))
                .chain(connection -> connection.query(sql).execute().eventually(connection::close));
    }
}

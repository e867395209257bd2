package dev.migrationgate.inspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads a {@link CatalogSnapshot} over JDBC on one connection, in three catalog queries whatever the schema
 * size, then the migration history. Blocking: for start-up and tools.
 */
public final class JdbcCatalogInspector {

    private final String database;
    private final DataSource dataSource;
    private final MigrationHistoryReader history;

    /**
     * @param database the database's name, for error messages
     * @param dataSource connections to that database
     * @param history where the migration history comes from ({@link MigrationHistoryReader#none()} for none)
     */
    public JdbcCatalogInspector(String database, DataSource dataSource, MigrationHistoryReader history) {
        this.database = database;
        this.dataSource = dataSource;
        this.history = history;
    }

    /** The snapshot with the columns of {@code tables} (names as the application's session resolves them). */
    public CatalogSnapshot snapshot(Collection<String> tables) {
        return inspect(tables).snapshot();
    }

    /** Like {@link #snapshot}, with the number of catalog queries run and the time taken. */
    public InspectionResult inspect(Collection<String> tables) {
        long started = System.nanoTime();
        CatalogAssembler assembler = new CatalogAssembler();
        int queries = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (CatalogQuery query : CatalogQuery.values()) {
                queries++;
                run(connection, query, query.parameters(tables), assembler);
            }
        } catch (SQLException e) {
            throw new InspectionException("connecting to database " + database, e);
        }
        CatalogSnapshot snapshot = assembler.snapshot(history.read());
        return new InspectionResult(snapshot, queries, Duration.ofNanos(System.nanoTime() - started));
    }

    private void run(Connection connection, CatalogQuery query, List<Object> parameters, CatalogAssembler assembler) {
        try (PreparedStatement statement = connection.prepareStatement(query.jdbcSql())) {
            List<Integer> order = query.jdbcParameters();
            for (int i = 0; i < order.size(); i++) {
                Object value = parameters.get(order.get(i) - 1);
                if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                CatalogRow row = new ResultSetRow(rs);
                while (rs.next()) {
                    assembler.accept(query, row);
                }
            }
        } catch (SQLException e) {
            throw new InspectionException(query.operation() + " of database " + database, e);
        } catch (ColumnReadException e) {
            throw new InspectionException(query.operation() + " of database " + database, e.getCause());
        }
    }

    /** A column of the current row could not be read. */
    private static final class ColumnReadException extends RuntimeException {

        ColumnReadException(SQLException cause) {
            super(cause);
        }
    }

    /** The current row of a result set. */
    private record ResultSetRow(ResultSet rs) implements CatalogRow {

        @Override
        public String text(String column) {
            try {
                return rs.getString(column);
            } catch (SQLException e) {
                throw new ColumnReadException(e);
            }
        }

        @Override
        public int integer(String column) {
            try {
                return rs.getInt(column);
            } catch (SQLException e) {
                throw new ColumnReadException(e);
            }
        }

        @Override
        public boolean flag(String column) {
            try {
                return rs.getBoolean(column);
            } catch (SQLException e) {
                throw new ColumnReadException(e);
            }
        }

        @Override
        public List<String> texts(String column) {
            try {
                Array array = rs.getArray(column);
                return array == null ? List.of() : List.of((String[]) array.getArray());
            } catch (SQLException e) {
                throw new ColumnReadException(e);
            }
        }
    }
}

package dev.migrationgate.inspect;

import dev.migrationgate.expect.Expectations;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads a {@link CatalogSnapshot} over JDBC on one connection: the catalog and the history fingerprint in one
 * round trip (several statements sent as one batch, see {@link CatalogRead}), a second one only when a needed
 * extension is missing, then the migration history (from memory while its fingerprint is unchanged).
 * Blocking: for start-up and tools.
 */
public final class JdbcCatalogInspector {

    private final String database;
    private final DataSource dataSource;
    private final MigrationHistoryReader history;
    private final AvailableExtensions available = new AvailableExtensions();
    private final boolean oneSession;
    private volatile String defaultTimeZone;

    /**
     * @param database the database's name, for error messages
     * @param dataSource connections to that database
     * @param history where the migration history comes from ({@link MigrationHistoryReader#none()} for none)
     */
    public JdbcCatalogInspector(String database, DataSource dataSource, MigrationHistoryReader history) {
        this(database, dataSource, history, false);
    }

    private JdbcCatalogInspector(String database, DataSource dataSource, MigrationHistoryReader history,
            boolean oneSession) {
        this.database = database;
        this.dataSource = dataSource;
        this.history = history;
        this.oneSession = oneSession;
    }

    /**
     * An inspector whose {@code dataSource} always hands out the same session (one connection, as the
     * migration verifier's): the session's default TimeZone, which does not change while the session runs
     * (a reset value changes only for new sessions), is read by the first inspection and reused by the next.
     */
    public static JdbcCatalogInspector onOneSession(String database, DataSource dataSource,
            MigrationHistoryReader history) {
        return new JdbcCatalogInspector(database, dataSource, history, true);
    }

    /** The snapshot with the columns of {@code tables} (names as the application's session resolves them). */
    public CatalogSnapshot snapshot(Collection<String> tables) {
        return inspect(tables).snapshot();
    }

    /** The snapshot of what {@code expectations} check: their tables' columns and their extensions. */
    public CatalogSnapshot snapshot(Expectations expectations) {
        return inspect(expectations).snapshot();
    }

    /** Like {@link #snapshot(Collection)}, with the number of catalog queries run and the time taken. */
    public InspectionResult inspect(Collection<String> tables) {
        return inspect(new CatalogRead(tables, Optional.empty(), available, history.fingerprintTable(),
                Optional.ofNullable(defaultTimeZone)));
    }

    /**
     * Like {@link #snapshot(Expectations)}, with the number of catalog queries run and the time taken; what the
     * server offers is read only when one of the expected extensions is missing or below its floor.
     */
    public InspectionResult inspect(Expectations expectations) {
        return inspect(new CatalogRead(expectations.tables(), Optional.of(expectations.extensions()), available,
                history.fingerprintTable(), Optional.ofNullable(defaultTimeZone)));
    }

    private InspectionResult inspect(CatalogRead read) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            run(connection, read, read.first());
            Optional<CatalogQuery> second = read.second();
            if (second.isPresent()) {
                run(connection, read, List.of(second.get()));
            }
        } catch (SQLException e) {
            throw new InspectionException("connecting to database " + database, e);
        }
        MigrationHistory migrations = read.fingerprint().map(history::read).orElseGet(history::read);
        CatalogSnapshot snapshot = read.snapshot(migrations);
        if (oneSession) {
            defaultTimeZone = snapshot.settings().defaultTimeZone();
        }
        return new InspectionResult(snapshot, read.queries(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void run(Connection connection, CatalogRead read, List<CatalogQuery> batch) {
        try (PreparedStatement statement = connection.prepareStatement(read.jdbcSql(batch))) {
            List<Object> parameters = read.jdbcParameters(batch);
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else if (parameters.get(i) instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, parameters.get(i));
                }
            }
            read.ran(batch);
            statement.execute();
            for (CatalogQuery query : batch) {
                try (ResultSet rs = statement.getResultSet()) {
                    CatalogRow row = new ResultSetRow(rs);
                    while (rs.next()) {
                        read.accept(query, row);
                    }
                }
                statement.getMoreResults();
            }
        } catch (SQLException e) {
            throw new InspectionException(operation(batch) + " of database " + database, e);
        } catch (ColumnReadException e) {
            throw new InspectionException(operation(batch) + " of database " + database, e.getCause());
        }
    }

    /** What a batch does, for error messages: "reading enum types, reading the columns of …". */
    static String operation(List<CatalogQuery> batch) {
        return batch.stream().map(CatalogQuery::operation).collect(Collectors.joining(", "));
    }

    /** A column of the current row could not be read. */
    static final class ColumnReadException extends RuntimeException {

        ColumnReadException(SQLException cause) {
            super(cause);
        }
    }

    /** The current row of a result set; a column that cannot be read throws {@link ColumnReadException}. */
    record ResultSetRow(ResultSet rs) implements CatalogRow {

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

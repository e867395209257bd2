package dev.migrationgate.fault;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.api.FlywayException;

/**
 * What kind of database failure an exception is, decided in one place for the gate and the API: the
 * database being unreachable, timed out or refusing ({@link #UNAVAILABLE}), a lock held by another session
 * past the deadline ({@link #LOCK_TIMEOUT}), or anything else ({@link #OTHER}). It walks the cause chain
 * and reads SQLSTATEs and the drivers' exception types (not Flyway's error code: Flyway files every SQL
 * error as {@code DB_CONNECTION}); message text only where the library offers
 * nothing else: Flyway's fixed "retries exceeded" for its lock and Agroal's "acquisition timeout".
 */
public enum DatabaseFault {
    /** Unreachable, refused, timed out, shutting down, or out of connections. */
    UNAVAILABLE,
    /** A lock wait ended by {@code lock_timeout} or by the gate's own deadline. */
    LOCK_TIMEOUT,
    /** Not a connectivity or lock problem. */
    OTHER;

    /** SQLSTATEs of the unavailable database: admin/crash shutdown, cannot connect now, too many connections, statement timeout. */
    private static final String QUERY_CANCELED = "57014";
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", QUERY_CANCELED);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String FLYWAY_LOCK_RETRIES = "Number of retries exceeded while attempting to acquire";

    /** The kind of {@code failure}, judged on it and its causes (innermost decisive code wins over outer wrappers). */
    public static DatabaseFault of(Throwable failure) {
        DatabaseFault kind = OTHER;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            DatabaseFault own = own(t);
            if (own == LOCK_TIMEOUT) {
                return LOCK_TIMEOUT;
            }
            if (own == UNAVAILABLE) {
                kind = UNAVAILABLE;
            }
        }
        return kind;
    }

    /**
     * Whether {@code failure}'s SQLSTATE is 57014, a cancelled statement ({@code statement_timeout} or
     * {@code pg_cancel_backend}): for the API a database that did not answer in time ({@link #UNAVAILABLE}), for a
     * migration its script failing.
     */
    public static boolean cancelled(Throwable failure) {
        return sqlState(failure).filter(QUERY_CANCELED::equals).isPresent();
    }

    /** The first SQLSTATE in {@code failure}'s cause chain (JDBC or the reactive client), if any. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof DatabaseException database ? database.getSqlState() : null;
            if (state != null && !state.isBlank()) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    private static DatabaseFault own(Throwable t) {
        if (t instanceof LockTimeoutException) {
            return LOCK_TIMEOUT;
        }
        String state = t instanceof SQLException sql ? sql.getSQLState()
                : t instanceof DatabaseException database ? database.getSqlState() : null;
        if (state != null) {
            if (state.equals(LOCK_NOT_AVAILABLE)) {
                return LOCK_TIMEOUT;
            }
            if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                return UNAVAILABLE;
            }
        }
        if (t instanceof FlywayException flyway && flyway.getMessage() != null
                && flyway.getMessage().startsWith(FLYWAY_LOCK_RETRIES)) {
            return LOCK_TIMEOUT;
        }
        boolean poolTimeout = t instanceof SQLException && state == null && t.getMessage() != null
                && t.getMessage().contains("acquisition timeout");
        if (poolTimeout || t instanceof SQLTransientConnectionException || t instanceof IOException
                || t instanceof TimeoutException || t instanceof ClosedConnectionException
                || isTransactionTimeout(t)) {
            return UNAVAILABLE;
        }
        return OTHER;
    }

    /** Narayana rolls back a transaction that outlived its timeout; the API sees it as a rollback. */
    private static boolean isTransactionTimeout(Throwable t) {
        return t instanceof jakarta.transaction.RollbackException
                || t.getClass().getName().equals("jakarta.persistence.QueryTimeoutException")
                || t.getClass().getName().equals("org.hibernate.QueryTimeoutException");
    }
}

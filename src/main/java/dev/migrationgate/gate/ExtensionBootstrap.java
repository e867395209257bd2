package dev.migrationgate.gate;

import dev.migrationgate.expect.ExtensionRequirement;
import dev.migrationgate.fault.LockHolder;
import dev.migrationgate.fault.LockTimeoutException;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Redaction;
import dev.migrationgate.report.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Creates every configured extension that is missing, in one transaction holding the gate's own
 * transaction-scoped advisory lock, so replicas starting together queue instead of racing into the
 * {@code pg_extension_name_index} unique violation. Each creation runs under a savepoint: an extension
 * the server lacks or the role may not create is reported and the others still get created. The lock is
 * taken under {@code lock_timeout} = {@code gate.lock-timeout}; past it a {@link LockTimeoutException}
 * names the holder. The transaction sets
 * {@code idle_in_transaction_session_timeout}, so a holder whose client vanished mid-transaction is ended by
 * the server instead of holding the lock until TCP keepalive notices (hours).
 */
public class ExtensionBootstrap {

    private static final Logger LOG = Logger.getLogger(ExtensionBootstrap.class);

    /** Key of the gate's advisory lock; Flyway's lock uses a different key space. */
    public static final long ADVISORY_LOCK_KEY = 0x6d67_6578_7462_6f6fL;

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** What the bootstrap did: the extensions it ran CREATE for, and what it could not do. */
    public record Outcome(List<String> attempted, List<Finding> findings) {
    }

    /**
     * Runs the bootstrap on a connection from {@code dataSource} (the migration credentials), waiting at most
     * {@code lockTimeout} for the lock.
     *
     * @throws SQLException when the transaction itself fails; per-extension failures are findings, not exceptions
     * @throws LockTimeoutException when another session held the lock past {@code lockTimeout}
     */
    public Outcome run(DataSource dataSource, List<ExtensionRequirement> requirements, Duration lockTimeout)
            throws SQLException {
        List<String> attempted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = "
                        + Math.max(1, lockTimeout.toMillis()));
                lock(connection, statement, lockTimeout);
                String database = connection.getCatalog();
                for (ExtensionRequirement requirement : requirements) {
                    String create = createStatement(requirement);
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        statement.execute(create);
                        connection.releaseSavepoint(savepoint);
                        attempted.add(requirement.name());
                    } catch (SQLException e) {
                        connection.rollback(savepoint);
                        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                            findings.add(permissionDenied(requirement, database, create, e));
                        } else {
                            LOG.warnf("%s failed (SQLSTATE %s): %s; the extension check reports what is missing",
                                    create, e.getSQLState(), Redaction.redact(e.getMessage()));
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return new Outcome(attempted, findings);
    }

    /**
     * Takes the transaction-scoped lock, waiting at most {@code timeout} ({@code lock_timeout}, which also
     * bounds every other lock this transaction waits for).
     */
    private static void lock(Connection connection, Statement statement, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        statement.execute("SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis()));
        try {
            statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback();
            throw new LockTimeoutException("the gate's extension lock", Duration.ofNanos(System.nanoTime() - start),
                    LockHolder.advisory(connection, ADVISORY_LOCK_KEY, 0));
        }
    }

    /** The statement that creates {@code requirement} when missing; identifiers always quoted. */
    public static String createStatement(ExtensionRequirement requirement) {
        return "CREATE EXTENSION IF NOT EXISTS " + requirement.quotedName();
    }

    private static Finding permissionDenied(ExtensionRequirement requirement, String database, String create,
            SQLException e) {
        FindingCode code = FindingCode.EXTENSION_PERMISSION_DENIED;
        Severity severity = requirement.required() ? code.defaultSeverity() : Severity.WARNING;
        String fix = create + ";";
        return new Finding(code, severity, null, requirement.name(), "extension created",
                "permission denied (SQLSTATE " + e.getSQLState() + ")",
                "The gate's role may not create extension " + requirement.name()
                        + "; a superuser (or the database owner, for a trusted extension) must run in database "
                        + database + ": " + fix,
                fix);
    }
}

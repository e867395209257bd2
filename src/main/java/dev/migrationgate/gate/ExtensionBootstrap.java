package dev.migrationgate.gate;

import dev.migrationgate.expect.ExtensionRequirement;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Creates every configured extension that is missing, in one transaction holding the gate's own
 * transaction-scoped advisory lock, so replicas starting together queue instead of racing into the
 * {@code pg_extension_name_index} unique violation. Each creation runs under a savepoint: an extension
 * the server lacks or the role may not create is reported and the others still get created.
 */
public class ExtensionBootstrap {

    private static final Logger LOG = Logger.getLogger(ExtensionBootstrap.class);

    /** Key of the gate's advisory lock; Flyway's lock uses a different key space. */
    public static final long ADVISORY_LOCK_KEY = 0x6d67_6578_7462_6f6fL;

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** What the bootstrap did: the extensions it ran CREATE for, and what it could not do. */
    public record Outcome(List<String> attempted, List<Finding> findings) {
    }

    /**
     * Runs the bootstrap on a connection from {@code dataSource} (the migration credentials).
     *
     * @throws SQLException when the lock or the transaction itself fails; per-extension failures are
     *     findings, not exceptions
     */
    public Outcome run(DataSource dataSource, List<ExtensionRequirement> requirements) throws SQLException {
        List<String> attempted = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
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
                                    create, e.getSQLState(), e.getMessage());
                        }
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("Creating extensions under the gate's advisory lock failed: " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
        return new Outcome(attempted, findings);
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
                "permission denied: " + e.getMessage(),
                "The gate's role may not create extension " + requirement.name()
                        + "; a superuser (or the database owner, for a trusted extension) must run in database "
                        + database + ": " + fix,
                fix);
    }
}

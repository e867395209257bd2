package dev.migrationgate.gate;

import dev.migrationgate.fault.DatabaseFault;
import dev.migrationgate.fault.FaultLog;
import dev.migrationgate.fault.LockHolder;
import dev.migrationgate.fault.LockTimeoutException;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import java.util.Optional;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.jboss.logging.Logger;

/**
 * The one mapping from an exception inside the gate to a finding: connectivity to DATABASE_UNREACHABLE,
 * lock waits to DATABASE_LOCK_TIMEOUT (naming the holder), Flyway's validation and migration errors to
 * their history codes, anything else to GATE_INTERNAL_ERROR. Findings carry a SQLSTATE and fixed text,
 * never a driver message or URL; the driver's message goes, redacted, to one log line whose reference id
 * the finding names.
 */
public final class GateFailures {

    private static final Logger LOG = Logger.getLogger(GateFailures.class);

    private GateFailures() {
    }

    /** The finding for {@code failure} raised while doing {@code operation} (e.g. {@code phase extensions}). */
    public static Finding finding(Throwable failure, String operation, Stage stage) {
        String reference = FaultLog.reference();
        DatabaseFault fault = DatabaseFault.of(failure);
        Optional<String> sqlState = DatabaseFault.sqlState(failure);
        String cause = sqlState.map(s -> "SQLSTATE " + s).orElse(rootType(failure));
        LOG.error(FaultLog.text(reference, operation, fault, failure));
        String see = " (log reference " + reference + ")";
        return switch (fault) {
            case UNAVAILABLE -> Finding.of(FindingCode.DATABASE_UNREACHABLE, "database", "reachable",
                    "unavailable: " + cause,
                    operation + " failed: the database is unreachable, refusing connections or did not answer in"
                            + " time (" + cause + ")" + see + "; retry once it is reachable", null).at(stage);
            case LOCK_TIMEOUT -> lockTimeout(failure, operation, see).at(stage);
            case OTHER -> flyway(failure, operation, cause, see)
                    .orElseGet(() -> Finding.of(FindingCode.GATE_INTERNAL_ERROR, operation, "no error",
                            "unexpected " + cause,
                            "Unexpected error during " + operation + " (" + cause + ")" + see
                                    + "; the gate stays closed. POST /q/gate/recheck retries.", null))
                    .at(stage);
        };
    }

    /**
     * Logs {@code failure} (redacted) under a new reference and returns its fixed description for a finding:
     * the SQLSTATE (and script line), else Flyway's error code, else the exception type, with the reference.
     * Never the driver's message.
     */
    public static String describe(Throwable failure, String operation) {
        String reference = FaultLog.reference();
        LOG.error(FaultLog.text(reference, operation, DatabaseFault.of(failure), failure));
        FlywayMigrateException migrate = find(failure, FlywayMigrateException.class);
        String cause;
        if (migrate != null && migrate.getSqlState() != null) {
            cause = "SQLSTATE " + migrate.getSqlState()
                    + (migrate.getLineNumber() > 0 ? " at line " + migrate.getLineNumber() : "");
        } else {
            FlywayException flyway = find(failure, FlywayException.class);
            cause = DatabaseFault.sqlState(failure).map(state -> "SQLSTATE " + state)
                    .orElseGet(() -> flyway != null && flyway.getErrorCode() != null
                            ? "Flyway " + flyway.getErrorCode() : rootType(failure));
        }
        return cause + " (log reference " + reference + ")";
    }

    private static Finding lockTimeout(Throwable failure, String operation, String see) {
        LockTimeoutException timeout = find(failure, LockTimeoutException.class);
        String lock = timeout == null ? "a lock" : timeout.lock();
        String holder = timeout == null ? "another session" : LockHolder.describe(timeout.holders());
        return Finding.of(FindingCode.DATABASE_LOCK_TIMEOUT, lock, "acquired within gate.lock-timeout",
                "held by " + holder,
                operation + " waited past gate.lock-timeout for " + lock + ", held by " + holder + see
                        + "; the gate retries with back-off. If the holder is stuck, end it with"
                        + " SELECT pg_terminate_backend(<pid>).", null);
    }

    /** Flyway's validation and migration errors as the history codes of the migrations concern. */
    private static Optional<Finding> flyway(Throwable failure, String operation, String cause, String see) {
        FlywayMigrateException migrate = find(failure, FlywayMigrateException.class);
        if (migrate != null) {
            MigrationInfo migration = migrate.getMigration();
            String object = migration == null ? "migration" : (migration.getVersion() == null ? "R "
                    : "V" + migration.getVersion() + " ") + migration.getScript();
            String state = migrate.getSqlState() == null ? cause : "SQLSTATE " + migrate.getSqlState();
            String line = migrate.getLineNumber() > 0 ? " at line " + migrate.getLineNumber() : "";
            return Optional.of(Finding.of(FindingCode.MIGRATION_FAILED, object, "applied",
                    "failed and rolled back: " + state + line,
                    "Flyway could not apply " + object + " (" + state + line + ")" + see + "; PostgreSQL rolled the"
                            + " script's transaction back, so the schema is as it was before it. Fix the script and"
                            + " restart (or POST /q/gate/recheck).", null));
        }
        FlywayException flyway = find(failure, FlywayException.class);
        if (flyway == null) {
            return Optional.empty();
        }
        return historyCode(flyway.getErrorCode()).map(code -> Finding.of(code, "migration history",
                "consistent with the local scripts", "Flyway " + flyway.getErrorCode(),
                operation + " failed: Flyway reports " + flyway.getErrorCode() + see
                        + "; GET /q/gate after a recheck lists the migrations concerned.", null));
    }

    private static Optional<FindingCode> historyCode(ErrorCode code) {
        if (!(code instanceof CoreErrorCode core)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (core) {
            case CHECKSUM_MISMATCH, DESCRIPTION_MISMATCH, TYPE_MISMATCH -> FindingCode.MIGRATION_CHECKSUM_MISMATCH;
            case FAILED_VERSIONED_MIGRATION, FAILED_REPEATABLE_MIGRATION, FAILED_BASELINE_MIGRATION ->
                    FindingCode.MIGRATION_FAILED;
            case APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED, APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED ->
                    FindingCode.MIGRATION_MISSING;
            case RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED, RESOLVED_REPEATABLE_MIGRATION_NOT_APPLIED,
                    OUTDATED_REPEATABLE_MIGRATION -> FindingCode.MIGRATION_PENDING;
            default -> null;
        });
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootType(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}

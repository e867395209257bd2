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
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.jboss.logging.Logger;

/**
 * The one mapping from an exception inside the gate to a finding: connectivity to DATABASE_UNREACHABLE,
 * lock waits to DATABASE_LOCK_TIMEOUT (naming the holder), a failing migration script to MIGRATION_FAILED
 * ("rolled back" only when it ran in a transaction), Flyway's history errors to their history codes,
 * anything else to GATE_INTERNAL_ERROR. Flyway's {@code migrate()} has rules of its own
 * ({@link #migrateFinding}). Findings carry a SQLSTATE and fixed text, never a driver message or URL; the
 * driver's message goes, redacted, to one log line whose reference id the finding names.
 */
public final class GateFailures {

    private static final Logger LOG = Logger.getLogger(GateFailures.class);

    private GateFailures() {
    }

    /** The finding for {@code failure} raised while doing {@code operation} (e.g. {@code phase extensions}). */
    public static Finding finding(Throwable failure, String operation, Stage stage) {
        return finding(failure, operation, stage, false);
    }

    /**
     * The finding for {@code failure} of Flyway's {@code migrate()}, a verdict unless the database was gone or
     * a lock wait ran out. A cancelled statement (the failure's SQLSTATE is 57014: a script's own
     * {@code statement_timeout}, an operator's {@code pg_cancel_backend} during a script, the verifier's read or
     * Flyway's history row) is a failed migration, not the database gone: running the migration again by itself
     * would take its locks again and undo the cancel. A failed validation, a schema that needs a baseline and any
     * other Flyway error are failed migrations too, the first two placed before migration (nothing was applied).
     */
    public static Finding migrateFinding(Throwable failure) {
        FlywayException flyway = find(failure, FlywayException.class);
        boolean nothingApplied = flyway instanceof FlywayValidateException
                || flyway != null && flyway.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE;
        return finding(failure, "Flyway migrate", nothingApplied ? Stage.PRE_MIGRATION : Stage.POST_MIGRATION, true);
    }

    private static Finding finding(Throwable failure, String operation, Stage stage, boolean migrating) {
        String reference = FaultLog.reference();
        FlywayMigrateException script = find(failure, FlywayMigrateException.class);
        DatabaseFault fault = migrating && DatabaseFault.cancelled(failure) ? DatabaseFault.OTHER
                : DatabaseFault.of(failure);
        String cause = cause(failure, script);
        LOG.error(FaultLog.text(reference, operation, fault, failure));
        String see = " (log reference " + reference + ")";
        return switch (fault) {
            case UNAVAILABLE -> Finding.of(FindingCode.DATABASE_UNREACHABLE, "database", "reachable",
                    "unavailable: " + cause,
                    operation + " failed: the database is unreachable, refusing connections or did not answer in"
                            + " time (" + cause + ")" + see + "; retry once it is reachable", null).at(stage);
            case LOCK_TIMEOUT -> lockTimeout(failure, operation, see).at(stage);
            case OTHER -> (script != null ? scriptFailed(script, cause + see)
                    : (migrating ? migrateFailed(failure, operation, cause, see) : history(failure, operation, see))
                            .orElseGet(() -> internal(operation, cause, see)))
                    .at(stage);
        };
    }

    /** The fixed description of {@code failure}: its SQLSTATE (and script line), else Flyway's error code, else its type. */
    private static String cause(Throwable failure, FlywayMigrateException script) {
        if (script != null && script.getSqlState() != null) {
            return "SQLSTATE " + script.getSqlState() + (script.getLineNumber() > 0 ? " at line " + script.getLineNumber() : "");
        }
        FlywayException flyway = find(failure, FlywayException.class);
        return DatabaseFault.sqlState(failure).map(state -> "SQLSTATE " + state)
                .orElseGet(() -> flyway != null && flyway.getErrorCode() != null
                        ? "Flyway " + flyway.getErrorCode() : rootType(failure));
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

    private static Finding scriptFailed(FlywayMigrateException failed, String error) {
        String object = failed.getMigration() == null ? "migration" : MigrationVerifier.object(failed.getMigration());
        String outcome = failed.isExecutableInTransaction()
                ? "PostgreSQL rolled its transaction back, so the schema and the history are as they were before it."
                : "It did not run in a transaction, so whatever its statements did before the failing one stays"
                        + " applied and Flyway recorded it as failed: repair the schema by hand, then run flyway repair.";
        return Finding.of(FindingCode.MIGRATION_FAILED, object, "applied",
                (failed.isExecutableInTransaction() ? "failed and rolled back: " : "failed, not rolled back: ") + error,
                "Flyway could not apply " + object + ". " + outcome + " Fix the script and restart (or POST"
                        + " /q/gate/recheck).", null);
    }

    /** A Flyway history error as its history code. */
    private static Optional<Finding> history(Throwable failure, String operation, String see) {
        FlywayException flyway = find(failure, FlywayException.class);
        return Optional.ofNullable(flyway).flatMap(f -> historyCode(f.getErrorCode())).map(code -> Finding.of(code,
                "migration history", "consistent with the local scripts", "Flyway " + flyway.getErrorCode(),
                operation + " failed: Flyway reports " + flyway.getErrorCode() + see
                        + "; GET /q/gate after a recheck lists the migrations concerned.", null));
    }

    /** A Flyway error of {@code migrate()}, always a failed migration; empty when Flyway did not raise it. */
    private static Optional<Finding> migrateFailed(Throwable failure, String operation, String cause, String see) {
        FlywayException flyway = find(failure, FlywayException.class);
        if (flyway == null) {
            return Optional.empty();
        }
        if (flyway.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
            return Optional.of(Finding.of(FindingCode.MIGRATION_FAILED, "flyway_schema_history", "a schema history",
                    "non-empty schema without history", "Nothing was applied: the schema already holds objects but"
                            + " Flyway has no history table, so it cannot tell which migrations they came from. If the"
                            + " schema matches a release, baseline it at that version (quarkus.flyway.baseline-on-migrate"
                            + "=true with quarkus.flyway.baseline-version), otherwise point the gate at an empty"
                            + " database. Flyway: " + cause + see, null));
        }
        if (flyway instanceof FlywayValidateException) {
            return Optional.of(Finding.of(FindingCode.MIGRATION_FAILED, "flyway_schema_history",
                    "history matching the local scripts", "validation failed", "Nothing was applied: Flyway's"
                            + " validation of the applied history failed (" + cause + ")" + see + "; GET /q/gate after"
                            + " a recheck lists the migrations concerned.", null));
        }
        return Optional.of(Finding.of(FindingCode.MIGRATION_FAILED, "migration", "applied", "failed: " + cause,
                operation + " failed: Flyway could not complete it (" + cause + ")" + see + "; the log line names"
                        + " why. Fix the migrations or quarkus.flyway.* and POST /q/gate/recheck.", null));
    }

    private static Finding internal(String operation, String cause, String see) {
        return Finding.of(FindingCode.GATE_INTERNAL_ERROR, operation, "no error", "unexpected " + cause,
                "Unexpected error during " + operation + " (" + cause + ")" + see
                        + "; the gate stays closed. POST /q/gate/recheck retries.", null);
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

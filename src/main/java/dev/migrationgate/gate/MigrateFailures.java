package dev.migrationgate.gate;

import dev.migrationgate.check.MigrationsCheck;
import dev.migrationgate.fault.DatabaseFault;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Names what made Flyway's {@code migrate()} fail, truthfully: the verifier's refusal with its findings; a
 * failing script with Flyway's error, "rolled back" only when it ran in a transaction; a non-empty schema
 * without history (a baseline is needed); a validation failure as the history finding it is (read again
 * and named by {@link MigrationsCheck}, the one place that turns Flyway's history into findings).
 */
final class MigrateFailures {

    private static final String QUERY_CANCELED = "57014";

    private MigrateFailures() {
    }

    /** The verifier's refusal somewhere in {@code failure}'s cause chain, if it was one. */
    static Optional<MigrationRefusedException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationRefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** The findings that explain {@code failure} of {@code flyway}'s migrate. */
    static List<Finding> findings(FlywayException failure, Flyway flyway) {
        Optional<MigrationRefusedException> refused = refusal(failure);
        if (refused.isPresent()) {
            return refused.get().findings();
        }
        if (DatabaseFault.of(failure) != DatabaseFault.OTHER && !cancelled(failure)) {
            return List.of(GateFailures.finding(failure, "Flyway migrate", Stage.POST_MIGRATION));
        }
        String error = GateFailures.describe(failure, "Flyway migrate");
        if (failure instanceof FlywayMigrateException failed) {
            return List.of(scriptFailed(failed.getMigration(), failed.isExecutableInTransaction(), error));
        }
        ErrorCode code = failure.getErrorCode();
        if (code == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
            return List.of(Finding.of(FindingCode.MIGRATION_FAILED, "flyway_schema_history", "a schema history",
                    "non-empty schema without history", "Nothing was applied: the schema already holds objects but"
                            + " Flyway has no history table, so it cannot tell which migrations they came from. If the"
                            + " schema matches a release, baseline it at that version (quarkus.flyway.baseline-on-migrate"
                            + "=true with quarkus.flyway.baseline-version), otherwise point the gate at an empty"
                            + " database. Flyway: " + error, null).at(Stage.PRE_MIGRATION));
        }
        if (failure instanceof FlywayValidateException) {
            List<Finding> history = historyFindings(flyway);
            return history.isEmpty()
                    ? List.of(Finding.of(FindingCode.MIGRATION_FAILED, "flyway_schema_history",
                            "history matching the local scripts", "validation failed", "Nothing was applied: Flyway's"
                                    + " validation of the applied history failed. Flyway: " + error, null)
                            .at(Stage.PRE_MIGRATION))
                    : history;
        }
        return List.of(Finding.of(FindingCode.MIGRATION_FAILED, "migration", "applied", "failed: " + error,
                "Flyway's migrate failed: " + error, null).at(Stage.POST_MIGRATION));
    }

    /**
     * Whether a statement of the migration was cancelled (SQLSTATE 57014): by the script's own
     * {@code statement_timeout} or an operator's {@code pg_cancel_backend}. For the API that is a database that
     * did not answer in time; for a migration it is the script failing, a verdict the gate does not run again
     * by itself (it would take the script's locks again and undo the cancel).
     */
    private static boolean cancelled(Throwable failure) {
        return DatabaseFault.sqlState(failure).filter(QUERY_CANCELED::equals).isPresent();
    }

    private static Finding scriptFailed(MigrationInfo migration, boolean transactional, String error) {
        String object = MigrationVerifier.object(migration);
        String outcome = transactional
                ? "PostgreSQL rolled its transaction back, so the schema and the history are as they were before it."
                : "It did not run in a transaction, so whatever its statements did before the failing one stays"
                        + " applied and Flyway recorded it as failed: repair the schema by hand, then run flyway repair.";
        return Finding.of(FindingCode.MIGRATION_FAILED, object, "applied",
                (transactional ? "failed and rolled back: " : "failed, not rolled back: ") + error,
                "Flyway could not apply " + object + ". " + outcome + " Fix the script and restart (or POST"
                        + " /q/gate/recheck).", null).at(Stage.POST_MIGRATION);
    }

    /**
     * The history's blocking findings as {@link MigrationsCheck} names them, read again through Flyway's
     * API (pending migrations are not an error here).
     */
    private static List<Finding> historyFindings(Flyway flyway) {
        MigrationHistory history = new FlywayHistoryReader("the migration database", flyway).read();
        CatalogSnapshot historyOnly = new CatalogSnapshot(List.of(), List.of(), List.of(), null, history);
        return new MigrationsCheck().check(null, historyOnly).stream()
                .filter(f -> f.isError() && f.code() != FindingCode.MIGRATION_PENDING)
                .map(f -> f.at(Stage.PRE_MIGRATION)).toList();
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.check.MigrationsCheck;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * The findings that explain a failed Flyway {@code migrate()}, where they are more than one exception's
 * finding: the verifier's refusal with its own findings, and a validation failure as the history findings
 * it is (read again and named by {@link MigrationsCheck}, the one place that turns Flyway's history into
 * findings). Everything else is the exception's finding ({@link GateFailures#migrateFinding}).
 */
final class MigrateFailures {

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
        Finding finding = GateFailures.migrateFinding(failure);
        if (failure instanceof FlywayValidateException) {
            List<Finding> history = historyFindings(flyway);
            return history.isEmpty() ? List.of(finding) : history;
        }
        return List.of(finding);
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

package dev.migrationgate.gate;

import dev.migrationgate.fault.DatabaseFault;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * {@code gate.mode=verify}: waits, DOWN with {@code MIGRATION_PENDING} naming the scripts, until the
 * migrations this build carries were applied elsewhere (the migration Job), polling with back-off. It
 * only reads, on the application's datasource: the catalog and Flyway's history through Flyway's
 * {@code info()} and {@code validate}, which take no lock; it never creates an extension or migrates,
 * so a role with only DML rights and read access to the history is enough.
 */
@ApplicationScoped
public class MigrationWait {

    private static final Logger LOG = Logger.getLogger(MigrationWait.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(500);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    private final SchemaValidator validator;
    private final GateState state;
    private final AgroalDataSource dataSource;

    MigrationWait(SchemaValidator validator, GateState state, AgroalDataSource dataSource) {
        this.validator = validator;
        this.state = state;
        this.dataSource = dataSource;
    }

    /** The application's datasource, the only one verify mode connects with. */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns once no local migration is pending. Meanwhile the gate's findings are the pending
     * migrations (with what verify mode waits for) and whatever else the history and the extensions
     * report, such as a missing extension with the statement a migrator must run. A database that is
     * unavailable for a while (restarting, a statement timing out while the Job migrates) is reported and
     * polled again; only an unexpected error ends the wait.
     */
    List<Finding> await() throws InterruptedException {
        Duration wait = FIRST_POLL;
        List<String> reported = List.of();
        while (true) {
            GateReport report;
            try {
                report = validator.validate(Stage.POST_MIGRATION);
            } catch (RuntimeException e) {
                if (DatabaseFault.of(e) == DatabaseFault.OTHER) {
                    throw e;
                }
                state.findings(List.of(GateFailures.finding(e, "waiting for migrations", Stage.POST_MIGRATION)));
                wait = pause(wait);
                continue;
            }
            List<Finding> pending = report.findings().stream()
                    .filter(f -> f.code() == FindingCode.MIGRATION_PENDING).toList();
            if (pending.isEmpty()) {
                return List.of();
            }
            List<String> scripts = pending.stream().map(Finding::object).toList();
            if (!scripts.equals(reported)) {
                LOG.infof("gate.mode=verify: waiting for the migration Job to apply %s (polling every %d s at most)",
                        String.join(", ", scripts), LONGEST_POLL.toSeconds());
                reported = scripts;
            }
            state.findings(report.findings().stream()
                    .filter(f -> f.code().concern() == Concern.MIGRATIONS || f.code().concern() == Concern.EXTENSIONS)
                    .map(MigrationWait::waiting)
                    .toList());
            wait = pause(wait);
        }
    }

    /** Sleeps {@code wait}; returns the next, doubled up to {@link #LONGEST_POLL}. */
    private static Duration pause(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        return Backoff.doubled(wait, LONGEST_POLL);
    }

    private static Finding waiting(Finding finding) {
        if (finding.code() != FindingCode.MIGRATION_PENDING) {
            return finding;
        }
        return new Finding(finding.code(), finding.severity(), finding.stage(), finding.object(), finding.expected(),
                finding.actual(), finding.object() + " has not been applied yet. gate.mode=verify never migrates:"
                        + " it waits until the migration Job (gate.mode=migrate, with the migrator's credentials)"
                        + " applies it, then validates and becomes ready without a restart.",
                finding.fix());
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.MigrationHistoryReader;
import dev.migrationgate.plan.FlywayPendingScripts;
import dev.migrationgate.plan.PlannedSchema;
import dev.migrationgate.plan.SchemaPlanner;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.Redaction;
import dev.migrationgate.report.Stage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

/**
 * {@code gate.mode=rehearse}: on one connection and in one transaction, creates the missing extensions,
 * plans the pending scripts, applies every pending migration through Quarkus's Flyway configuration (so the
 * verifier judges each one, and refuses unverifiable ones up front, exactly as the real run would), runs
 * every check on the result, and always rolls back. Findings keep the stage and severity the real run would
 * give them, so the verdict predicts it. It takes the same locks as the real migration for as long, bounded
 * by {@code lock_timeout} ({@code gate.lock-timeout}) on that transaction.
 */
final class Rehearsal {

    private static final Logger LOG = Logger.getLogger(Rehearsal.class);

    private final Flyway flyway;
    private final Expectations expectations;
    private final SchemaChecks checks;
    private final ExtensionBootstrap bootstrap;
    private final Duration lockTimeout;
    private final BiFunction<CatalogSnapshot, PlannedSchema, List<Finding>> plannerFindings;

    /**
     * @param plannerFindings the pipeline's reading of a plan of the live snapshot: the planned schema's
     *     findings, traced to the scripts, and the statements the planner skipped
     */
    Rehearsal(Flyway flyway, Expectations expectations, SchemaChecks checks, ExtensionBootstrap bootstrap,
            GateConfig config, BiFunction<CatalogSnapshot, PlannedSchema, List<Finding>> plannerFindings) {
        this.flyway = flyway;
        this.expectations = expectations;
        this.checks = checks;
        this.bootstrap = bootstrap;
        this.lockTimeout = config.lockTimeout();
        this.plannerFindings = plannerFindings;
    }

    /** Every finding of the rehearsed release; the database is as it was, whatever happened. */
    List<Finding> run() throws SQLException {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                return rehearse(connection);
            } finally {
                connection.rollback();
                LOG.info("Rehearsal rolled back: the database is unchanged");
            }
        }
    }

    private List<Finding> rehearse(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
        }
        String database = connection.getCatalog();
        List<Finding> findings = new ArrayList<>(bootstrap.run(HeldConnection.transactionHeld(connection),
                expectations.extensions(), lockTimeout).findings().stream()
                .map(f -> f.at(Stage.PRE_MIGRATION)).toList());
        DataSource held = HeldConnection.transactionHeld(connection);
        Flyway rehearsing = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration()).dataSource(held).load();
        JdbcCatalogInspector live = new JdbcCatalogInspector(database, held, MigrationHistoryReader.none());
        CatalogSnapshot before = live.snapshot(expectations.tables());
        FlywayHistoryReader history = new FlywayHistoryReader(database, rehearsing);
        history.read();
        FlywayHistoryReader.Read pending = history.lastRead().orElseThrow();
        findings.addAll(plannerFindings.apply(before, SchemaPlanner.plan(before, FlywayPendingScripts.read(
                rehearsing.getConfiguration(), pending.ownPending().toArray(MigrationInfo[]::new)))));
        if (!pending.onlyNewerReleaseRepeatablesPending()) {
            try {
                rehearsing.migrate();
            } catch (FlywayException e) {
                LOG.errorf("Rehearsed migrate failed: %s", Redaction.redact(e.getMessage()));
                List<Finding> failure = MigrateFailures.findings(e, rehearsing);
                findings.addAll(failure);
                if (!BlockingPolicy.standard().blocking(failure).isEmpty()) {
                    return findings;
                }
            }
        }
        JdbcCatalogInspector after = new JdbcCatalogInspector(database, held, history);
        findings.addAll(checks.findings(expectations, after.snapshot(expectations.tables()), Stage.POST_MIGRATION));
        return findings;
    }
}

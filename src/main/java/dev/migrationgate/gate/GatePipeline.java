package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.fault.DatabaseFault;
import dev.migrationgate.fault.LockHolder;
import dev.migrationgate.fault.LockTimeoutException;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.plan.FlywayPendingScripts;
import dev.migrationgate.plan.PlannedSchema;
import dev.migrationgate.plan.SchemaPlanner;
import dev.migrationgate.plan.ScriptLocation;
import dev.migrationgate.plan.SkippedStatement;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.logging.Logger;

/**
 * The start-up pipeline. In {@code gate.mode=migrate}: connect → extension bootstrap → pre-migration
 * validation (history and the planned schema) → Flyway migrate, each migration verified before commit →
 * post-migration validation; in {@code verify}: connect → wait until the migrations were applied
 * elsewhere ({@link MigrationWait}) → post-migration validation, with no DDL; {@link #rehearse} runs
 * {@code gate.mode=rehearse}. Each phase is timed and recorded in {@link GateState}; the first phase with
 * a blocking finding stops the run. Extension bootstrap and Flyway use Quarkus's Flyway bean and so its
 * datasource (the migration credentials when {@code quarkus.flyway.username}/{@code password} are set);
 * verify mode only the application's datasource.
 */
@ApplicationScoped
public class GatePipeline {

    private static final Logger LOG = Logger.getLogger(GatePipeline.class);
    private static final BlockingPolicy POLICY = BlockingPolicy.standard();
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    private static final Duration FIRST_REREAD_WAIT = Duration.ofMillis(100);
    private static final Duration LONGEST_REREAD_WAIT = Duration.ofSeconds(2);

    private final GateState state;
    private final GateConfig config;
    private final Expectations expectations;
    private final Flyway flyway;
    private final JdbcCatalogInspector inspector;
    private final FlywayHistoryReader history;
    private final SchemaChecks checks;
    private final SchemaValidator validator;
    private final MigrationWait migrationWait;
    private final ExtensionBootstrap bootstrap = new ExtensionBootstrap();
    private final ReadinessWarmUp readiness;
    private final Clock clock;

    GatePipeline(GateState state, GateConfig config, Expectations expectations, Flyway flyway,
            JdbcCatalogInspector inspector, FlywayHistoryReader history, SchemaChecks checks,
            SchemaValidator validator, MigrationWait migrationWait, ReadinessWarmUp readiness, Clock clock) {
        this.state = state;
        this.config = config;
        this.expectations = expectations;
        this.flyway = flyway;
        this.inspector = inspector;
        this.history = history;
        this.checks = checks;
        this.validator = validator;
        this.migrationWait = migrationWait;
        this.readiness = readiness;
        this.clock = clock;
    }

    /**
     * Runs every phase until one blocks; returns the report, which {@link GateState} also holds. Any
     * exception inside a phase becomes a finding through {@link GateFailures} (the gate fails closed and
     * the worker survives).
     */
    public GateReport run() {
        state.restart();
        List<Finding> findings = new ArrayList<>();
        boolean passed = config.mode() == GateConfig.Mode.VERIFY ? verifies(findings) : migrates(findings);
        if (!passed) {
            state.fail();
            return state.report();
        }
        state.pass();
        return state.report();
    }

    /** {@code gate.mode=migrate}: bootstrap extensions, check the planned schema, migrate, validate. */
    private boolean migrates(List<Finding> findings) {
        DataSource migrationDataSource = flyway.getConfiguration().getDataSource();
        return phase(GatePhase.CONNECT, findings, () -> connect(migrationDataSource))
                && phase(GatePhase.EXTENSIONS, findings, () -> bootstrapExtensions(migrationDataSource))
                && phase(GatePhase.PRE_MIGRATION, findings, this::validateBeforeMigration)
                && phase(GatePhase.MIGRATE, findings, this::migrate)
                && phase(GatePhase.POST_MIGRATION, findings,
                        () -> validator.validate(Stage.POST_MIGRATION).findings());
    }

    /** {@code gate.mode=verify}: no DDL; wait on the application's datasource until migrated, then validate. */
    private boolean verifies(List<Finding> findings) {
        return phase(GatePhase.CONNECT, findings, () -> connect(migrationWait.dataSource()))
                && phase(GatePhase.AWAIT_MIGRATIONS, findings, migrationWait::await)
                && phase(GatePhase.POST_MIGRATION, findings,
                        () -> validator.validate(Stage.POST_MIGRATION).findings());
    }

    /**
     * {@code gate.mode=rehearse}: connect, then the whole release in one transaction that is always rolled
     * back ({@link Rehearsal}); the report says whether the real run would pass.
     */
    public GateReport rehearse() {
        state.restart();
        List<Finding> findings = new ArrayList<>();
        Rehearsal rehearsal = new Rehearsal(flyway, expectations, checks, bootstrap, config, this::plannerFindings);
        if (!phase(GatePhase.CONNECT, findings, () -> connect(flyway.getConfiguration().getDataSource()))
                || !phase(GatePhase.REHEARSE, findings, rehearsal::run)) {
            state.fail();
            return state.report();
        }
        state.pass(GatePhase.REHEARSE);
        return state.report();
    }

    /** One phase's work; database failures surface as the exceptions it declares. */
    private interface Phase {
        List<Finding> run() throws SQLException, InterruptedException;
    }

    /**
     * Runs one phase. Post-migration, the last one before the gate can pass, also opens readiness's connection
     * in the background ({@link ReadinessWarmUp}): late enough that a connection idle since the worker started
     * (minutes of migrations, or of waiting for them) cannot have been dropped by the network in between.
     */
    private boolean phase(GatePhase phase, List<Finding> findings, Phase work) {
        state.enter(phase);
        if (phase == GatePhase.POST_MIGRATION) {
            readiness.connect();
        }
        Instant start = clock.instant();
        List<Finding> produced;
        try {
            produced = work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            produced = List.of(GateFailures.finding(e, "phase " + phase.label(), stage(phase)));
        } catch (SQLException | RuntimeException e) {
            produced = List.of(GateFailures.finding(e, "phase " + phase.label(), stage(phase)));
        }
        state.phaseTook(phase, Duration.between(start, clock.instant()));
        findings.addAll(produced);
        state.findings(findings);
        return POLICY.blocking(produced).isEmpty();
    }

    private static Stage stage(GatePhase phase) {
        return phase.compareTo(GatePhase.MIGRATE) < 0 ? Stage.PRE_MIGRATION : Stage.POST_MIGRATION;
    }

    private List<Finding> connect(DataSource dataSource) throws InterruptedException {
        Instant deadline = clock.instant().plus(config.connectTimeout());
        Duration wait = FIRST_RETRY;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                state.findings(List.of());
                return List.of();
            } catch (SQLException e) {
                boolean last = clock.instant().plus(wait).isAfter(deadline);
                Finding unreachable = GateFailures.finding(e, "connect (" + (last ? "gave up after" : "retrying until")
                        + " gate.connect-timeout, " + config.connectTimeout().toSeconds() + " s)", Stage.PRE_MIGRATION);
                if (last) {
                    return List.of(unreachable);
                }
                state.findings(List.of(unreachable));
                Thread.sleep(wait.toMillis());
                wait = Backoff.doubled(wait, LONGEST_RETRY);
            }
        }
    }

    private List<Finding> bootstrapExtensions(DataSource dataSource) throws SQLException {
        return bootstrap.run(dataSource, expectations.extensions(), config.lockTimeout()).findings().stream()
                .map(f -> f.at(Stage.PRE_MIGRATION)).toList();
    }

    private List<Finding> validateBeforeMigration() throws SQLException, InterruptedException {
        LivePlan livePlan = consistentPlan();
        return plannerFindings(livePlan.live(), livePlan.plan());
    }

    /**
     * The planned schema's findings (those the live database already has are not the pending scripts'),
     * traced to the pending scripts, and every statement the planner skipped.
     */
    private List<Finding> plannerFindings(CatalogSnapshot live, PlannedSchema plan) {
        Set<String> denied = state.report().findings().stream()
                .filter(f -> f.code() == FindingCode.EXTENSION_PERMISSION_DENIED)
                .map(Finding::object).collect(Collectors.toSet());
        List<Finding> findings = checks.findingsBeforeMigration(expectations, live, plan.planned()).stream()
                .filter(f -> !(f.code() == FindingCode.EXTENSION_MISSING && denied.contains(f.object())))
                .map(f -> traced(f, plan))
                .collect(Collectors.toCollection(ArrayList::new));
        plan.notAnalysed().forEach(skipped -> findings.add(notAnalysed(skipped)));
        return findings;
    }

    /** A statement the planner skipped, shown in the report: the planner never vouches for what it did not read. */
    private static Finding notAnalysed(SkippedStatement skipped) {
        String where = skipped.script() + (skipped.wholeScript() ? "" : " line " + skipped.line());
        return Finding.of(FindingCode.MIGRATION_NOT_ANALYSED, where, "read by the static planner", skipped.reason(),
                "Not read before migrating: " + skipped.reason() + ". The verifier judges its real effect inside its"
                        + " transaction, before commit.", null).at(Stage.PRE_MIGRATION);
    }

    /**
     * The live snapshot with the pending scripts applied, read while no migration committed: another
     * replica migrating between the catalog read and the pending list would pair a catalog without its
     * tables with an empty pending list, and fail this gate for objects that exist. The pending list is the
     * one of the history read the snapshot carries (one Flyway {@code info()} serves the history checks and
     * the planner), and it pairs with the catalog only when Flyway's history, which only grows, cannot have
     * changed between them (Flyway commits a migration's history row just after its DDL, on its lock's
     * connection: a read in between sees the DDL without the row, and the planner then reports the statements
     * it cannot replay as not analysed, a warning): either the catalog's batch read the
     * history's fingerprint last and found the remembered read's (which was made after its own fingerprint),
     * or the history table did not exist or was empty when the history was read, after the catalog, and
     * Flyway found nothing applied. When the next catalog read would carry no fingerprint (a first run, or a last
     * read that found nothing applied), the history is read ahead of the catalog if its table holds rows, so
     * that a restart pairs them at its first catalog read. Otherwise the catalog is read again; every further
     * mismatch means another instance committed a migration meanwhile, so
     * further reads wait for it with a back-off (100 ms doubling to 2 s). When the history still changed
     * during every read after {@code gate.lock-timeout}, the phase ends on {@code DATABASE_LOCK_TIMEOUT}, naming
     * who holds Flyway's lock, rather than plan from a pair it could not check: a wait, not a verdict, which
     * the worker runs again after its back-off ({@link GateWorker#PASSING}).
     */
    private LivePlan consistentPlan() throws SQLException, InterruptedException {
        Instant deadline = clock.instant().plus(config.lockTimeout());
        Duration wait = FIRST_REREAD_WAIT;
        if (history.fingerprintTable().isEmpty()) {
            history.readAheadWhenApplied();
        }
        for (int attempt = 0; ; attempt++) {
            Optional<FlywayHistoryReader.Read> before = history.lastRead();
            CatalogSnapshot live = inspector.snapshot(expectations.tables());
            FlywayHistoryReader.Read read = history.lastRead().orElseThrow(() -> new IllegalStateException(
                    "The catalog inspector read the history through another reader than the pipeline's"));
            boolean remembered = before.isPresent() && before.get() == read && read.fingerprint() != null;
            boolean untouched = (read.fingerprint() == null || read.fingerprint().rows() == 0)
                    && read.history().migrations().stream().noneMatch(MigrationHistory.Migration::applied);
            if (remembered || untouched) {
                return new LivePlan(live, SchemaPlanner.plan(live, FlywayPendingScripts.read(
                        flyway.getConfiguration(), read.ownPending().toArray(MigrationInfo[]::new))));
            }
            LOG.debugf("The history may have changed while the catalog was read (attempt %d); reading the catalog"
                    + " again", attempt + 1);
            if (attempt == 0) {
                continue;
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw flywayLockTimeout(flyway.getConfiguration().getTable() + " (another instance committed a"
                        + " migration during every read of the catalog)");
            }
            Thread.sleep(wait.toMillis());
            wait = Backoff.doubled(wait, LONGEST_REREAD_WAIT);
        }
    }

    /**
     * A wait for {@code lock} past {@code gate.lock-timeout}, naming the sessions that hold an advisory lock
     * other than the gate's own (Flyway's lock on PostgreSQL is one), read on a connection of Flyway's data
     * source.
     */
    private LockTimeoutException flywayLockTimeout(String lock) throws SQLException {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            return new LockTimeoutException(lock, config.lockTimeout(),
                    LockHolder.advisory(connection, null, ExtensionBootstrap.ADVISORY_LOCK_KEY));
        }
    }

    /** The live snapshot and the schema the pending scripts would make of it. */
    private record LivePlan(CatalogSnapshot live, PlannedSchema plan) {
    }

    private static Finding traced(Finding finding, PlannedSchema plan) {
        Optional<ScriptLocation> origin = plan.origin(finding.object());
        if (origin.isEmpty()) {
            return finding;
        }
        String note = POLICY.blocks(finding)
                ? " Introduced by pending migration " + origin.get().script() + " line " + origin.get().line()
                        + ", which was not applied."
                : " Pending migration " + origin.get().script() + " line " + origin.get().line() + " touches it.";
        return new Finding(finding.code(), finding.severity(), finding.stage(), finding.object(), finding.expected(),
                finding.actual(), finding.message() + note, finding.fix());
    }

    /**
     * Flyway migrate, each migration verified before commit ({@link MigrationVerifier}, which also refuses
     * migrations that cannot be verified before any of the release runs, and leaves a repeatable migration a
     * newer release applied last as it is). A lock wait past {@code gate.lock-timeout} (Flyway's
     * lockRetryCount) names the holder. Not run when all it would apply are repeatable migrations a newer
     * release applied last (an old pod restarting during a rollout).
     * <p>
     * Applying and verifying migrations allocates far more than it keeps (Flyway's per-migration work and a
     * catalog reading per migration: about 200 MB for 302 migrations, 25 MB live afterwards), and G1 grows the
     * heap to keep up and does not give it back while the service idles. When migrations were applied the
     * phase ends with one full collection, which returns that heap to the operating system before the service
     * reports ready (302 migrations: resident memory 345 to 274 MB for a 48 ms pause).
     */
    private List<Finding> migrate() throws SQLException {
        if (history.lastRead().filter(FlywayHistoryReader.Read::onlyNewerReleaseRepeatablesPending).isPresent()) {
            LOG.info("Not migrating: what Flyway lists as pending are repeatable migrations a newer release applied"
                    + " last; applying this build's older content over them would break that release");
            return List.of();
        }
        try {
            if (flyway.migrate().migrationsExecuted > 0) {
                System.gc();
            }
            return List.of();
        } catch (FlywayException e) {
            if (DatabaseFault.of(e) == DatabaseFault.LOCK_TIMEOUT) {
                throw flywayLockTimeout("Flyway's migration lock");
            }
            return MigrateFailures.findings(e, flyway);
        }
    }

}

package dev.migrationgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.GateFailedException;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the start-up pipeline on its own thread once the application has started, so the HTTP server
 * and the probes answer while it works (the async-bootstrap model). In run-once mode (Quarkus's
 * init-and-exit, see {@link GateMain}) it runs synchronously instead and a failed gate fails start-up, so
 * the process exits non-zero. A run stopped only by a condition that passes by itself ({@link #PASSING}: a
 * lock or Flyway's history held by another replica, a database gone during the run or not back within
 * {@code gate.connect-timeout}) is run again after a back-off (doubling up to {@link #LONGEST_BACKOFF}): a wait,
 * not a verdict, so a pod never stays unready after the database has recovered. A statement of a migration
 * cancelled by its own {@code statement_timeout} or an operator's {@code pg_cancel_backend} is a failed
 * migration, a verdict ({@link GateFailures#migrateFinding}).
 * At most one pipeline runs at a time: the worker owns the right to run until its very last statement.
 * Once the gate passed, readiness's first live re-validation is started ({@link ReadinessWarmUp}, whose
 * connection the pipeline opened during post-migration), so the first probe after the gate passed answers
 * without loading the reactive client and connecting first.
 */
@ApplicationScoped
public class GateWorker {

    private static final Logger LOG = Logger.getLogger(GateWorker.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
    /** The blocking findings that are waits rather than verdicts: a run stopped only by these is run again. */
    static final Set<FindingCode> PASSING = EnumSet.of(FindingCode.DATABASE_LOCK_TIMEOUT,
            FindingCode.DATABASE_UNREACHABLE);

    private final GatePipeline pipeline;
    private final GateState state;
    private final GateConfig config;
    private final boolean runOnce;
    private final ObjectMapper json;
    private final ReadinessWarmUp readiness;
    private final AtomicReference<Thread> owner = new AtomicReference<>();

    GateWorker(GatePipeline pipeline, GateState state, GateConfig config, ObjectMapper json,
            ReadinessWarmUp readiness, @ConfigProperty(name = GateMain.RUN_ONCE, defaultValue = "false") boolean runOnce) {
        this.json = json;
        this.readiness = readiness;
        this.pipeline = pipeline;
        this.state = state;
        this.config = config;
        this.runOnce = runOnce;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.mode() == GateConfig.Mode.REHEARSE) {
            owner.set(Thread.currentThread());
            state.workerStarted();
            rehearse();
            return;
        }
        if (runOnce) {
            owner.set(Thread.currentThread());
            state.workerStarted();
            GateReport report = runPipeline();
            owner.set(null);
            if (!report.passed()) {
                throw new GateFailedException(report, BlockingPolicy.standard().blocking(report.findings()));
            }
            return;
        }
        start();
    }

    /**
     * Starts the pipeline again after a failure (e.g. once the database was repaired by hand).
     *
     * @return false when the pipeline is already running
     */
    public boolean restart() {
        return start();
    }

    private boolean start() {
        Thread worker = new Thread(this::work, "migration-gate");
        if (!owner.compareAndSet(null, worker)) {
            return false;
        }
        worker.setDaemon(true);
        state.workerStarted();
        worker.start();
        return true;
    }

    private void work() {
        try {
            GateReport report = runUntilSettled();
            if (report.passed()) {
                readiness.validate();
            }
            if (!report.passed() && config.onFailure() == GateConfig.OnFailure.EXIT) {
                LOG.error("gate.on-failure=exit: exiting with status 1");
                Quarkus.asyncExit(1);
            }
        } catch (Error e) {
            LOG.error("The migration gate worker died", e);
            state.workerDied(e);
        } finally {
            owner.compareAndSet(Thread.currentThread(), null);
        }
    }

    /**
     * Runs the rehearsal synchronously and prints its report, as JSON on stdout and as the human summary on
     * stderr; {@link GateMain} then exits 0 when it passed, 1 when the release would be refused. The worker
     * keeps the right to run, so a recheck never starts a real migration in a rehearsing process.
     */
    private void rehearse() {
        GateReport report;
        try {
            report = pipeline.rehearse();
        } catch (RuntimeException e) {
            state.findings(List.of(GateFailures.finding(e, "the rehearsal", Stage.PRE_MIGRATION)));
            state.fail();
            report = state.report();
        }
        try {
            System.out.println(json.writeValueAsString(report));
            System.out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the rehearsal report as JSON failed", e);
        }
        System.err.println((report.passed() ? "Rehearsal passed: the release would be applied. "
                : "Rehearsal refused: the release would not be applied. ") + "Rolled back; "
                + GateReportLog.details(report));
    }

    /** Runs the pipeline, again after a back-off while only a passing condition stopped it (unless exiting). */
    private GateReport runUntilSettled() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            GateReport report = runPipeline();
            if (report.passed() || config.onFailure() == GateConfig.OnFailure.EXIT || !stoppedByAWait(report)) {
                return report;
            }
            LOG.warnf("The gate was stopped by %s, which passes by itself; running the gate again in %d ms",
                    blockingCodes(report), backoff.toMillis());
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            backoff = Backoff.doubled(backoff, LONGEST_BACKOFF);
        }
    }

    /** Whether every finding that blocked {@code report} is {@link #PASSING}: any other one is a verdict. */
    private static boolean stoppedByAWait(GateReport report) {
        List<Finding> blocking = BlockingPolicy.standard().blocking(report.findings());
        return !blocking.isEmpty() && blocking.stream().allMatch(f -> PASSING.contains(f.code()));
    }

    private static Set<FindingCode> blockingCodes(GateReport report) {
        return BlockingPolicy.standard().blocking(report.findings()).stream().map(Finding::code)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FindingCode.class)));
    }

    /** One pipeline run; an exception escaping it (a bug outside the phases) fails the gate closed. */
    private GateReport runPipeline() {
        GateReport report;
        try {
            report = pipeline.run();
        } catch (RuntimeException e) {
            state.findings(List.of(GateFailures.finding(e, "the gate pipeline", Stage.PRE_MIGRATION)));
            state.fail();
            report = state.report();
        }
        if (report.passed()) {
            LOG.infof("Migration gate passed: %s", GateReportLog.summary(report));
        } else {
            LOG.errorf("Migration gate failed in phase %s:%n%s", report.phase(), GateReportLog.details(report));
        }
        return report;
    }
}

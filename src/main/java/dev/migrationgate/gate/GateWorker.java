package dev.migrationgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.GateFailedException;
import dev.migrationgate.report.GateReport;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the start-up pipeline on its own thread once the application has started, so the HTTP server
 * and the probes answer while it works (the async-bootstrap model). In run-once mode (Quarkus's
 * init-and-exit, see {@link GateMain}) it runs synchronously instead and a failed gate fails start-up, so
 * the process exits non-zero.
 */
@ApplicationScoped
public class GateWorker {

    private static final Logger LOG = Logger.getLogger(GateWorker.class);

    private final GatePipeline pipeline;
    private final GateState state;
    private final GateConfig config;
    private final boolean runOnce;
    private final ObjectMapper json;
    private final AtomicBoolean running = new AtomicBoolean();

    GateWorker(GatePipeline pipeline, GateState state, GateConfig config, ObjectMapper json,
            @ConfigProperty(name = GateMain.RUN_ONCE, defaultValue = "false") boolean runOnce) {
        this.json = json;
        this.pipeline = pipeline;
        this.state = state;
        this.config = config;
        this.runOnce = runOnce;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.mode() == GateConfig.Mode.REHEARSE) {
            running.set(true);
            state.workerStarted();
            rehearse();
            return;
        }
        if (runOnce) {
            running.set(true);
            state.workerStarted();
            GateReport report = runPipeline();
            if (!report.passed()) {
                throw new GateFailedException(report, report.findings().stream()
                        .filter(BlockingPolicy.standard()::blocks).toList());
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
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread worker = new Thread(this::work, "migration-gate");
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("The migration gate worker died", error);
            state.workerDied(error);
            running.set(false);
        });
        state.workerStarted();
        worker.start();
        return true;
    }

    private void work() {
        GateReport report = runPipeline();
        if (!report.passed() && config.onFailure() == GateConfig.OnFailure.EXIT) {
            LOG.error("gate.on-failure=exit: exiting with status 1");
            Quarkus.asyncExit(1);
        }
    }

    /**
     * Runs the rehearsal synchronously and prints its report, as JSON on stdout and as the human summary on
     * stderr; {@link GateMain} then exits 0 when it passed, 1 when the release would be refused.
     */
    private void rehearse() {
        try {
            GateReport report = pipeline.rehearse();
            System.out.println(json.writeValueAsString(report));
            System.out.flush();
            System.err.println((report.passed() ? "Rehearsal passed: the release would be applied. "
                    : "Rehearsal refused: the release would not be applied. ") + "Rolled back; "
                    + GateReportLog.details(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing the rehearsal report as JSON failed", e);
        } finally {
            running.set(false);
        }
    }

    private GateReport runPipeline() {
        try {
            GateReport report = pipeline.run();
            if (report.passed()) {
                LOG.infof("Migration gate passed: %s", GateReportLog.summary(report));
            } else {
                LOG.errorf("Migration gate failed in phase %s:%n%s", report.phase(), GateReportLog.details(report));
            }
            return report;
        } finally {
            running.set(false);
        }
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the start-up gate has done so far: the phase, the timings, the findings and whether the worker
 * is alive. Written by the single gate worker, read by probes, the report endpoint and the API filter.
 */
@ApplicationScoped
public class GateState {

    private final Clock clock;
    private final Map<String, Long> durations = new LinkedHashMap<>();
    private volatile GatePhase phase = GatePhase.STARTING;
    private volatile GateStatus status = GateStatus.RUNNING;
    private volatile List<Finding> findings = List.of();
    private volatile boolean workerStarted;
    private volatile Throwable workerDeath;
    private volatile Instant changedAt;
    private volatile Instant failingSince;

    GateState(Clock clock) {
        this.clock = clock;
        this.changedAt = clock.instant();
    }

    void workerStarted() {
        workerStarted = true;
        touch();
    }

    /** Clears the previous run's phases and findings before a (re)run of the pipeline. */
    synchronized void restart() {
        durations.clear();
        findings = List.of();
        status = GateStatus.RUNNING;
        touch();
    }

    synchronized void enter(GatePhase next) {
        phase = next;
        touch();
    }

    synchronized void phaseTook(GatePhase finished, Duration took) {
        durations.put(finished.label(), took.toMillis());
        touch();
    }

    /** Replaces the findings of the run so far (the latest phase's view). */
    void findings(List<Finding> current) {
        findings = List.copyOf(current);
        touch();
    }

    void pass() {
        status = GateStatus.PASSED;
        failingSince = null;
        touch();
    }

    void fail() {
        status = GateStatus.FAILED;
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        touch();
    }

    void workerDied(Throwable cause) {
        workerDeath = cause;
        fail();
    }

    private void touch() {
        changedAt = clock.instant();
    }

    public GatePhase phase() {
        return phase;
    }

    public GateStatus status() {
        return status;
    }

    public boolean hasPassed() {
        return status == GateStatus.PASSED;
    }

    public boolean workerHasStarted() {
        return workerStarted;
    }

    /** The unexpected error that killed the worker, if it died. */
    public Optional<Throwable> workerDeath() {
        return Optional.ofNullable(workerDeath);
    }

    /** When the gate first failed in the current run, if it is failing. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** The start-up report as of now. */
    public synchronized GateReport report() {
        return new GateReport(status, phase.label(), durations, findings, changedAt);
    }
}

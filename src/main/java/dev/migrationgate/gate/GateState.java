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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What the start-up gate has done so far: the phase, the timings, the findings and whether the worker
 * is alive. Written by the gate worker, read by probes, the report endpoint and the API filter. Every
 * change publishes a new immutable {@link Snapshot} atomically, so a reader never sees a torn
 * combination (phase {@code ready} with status {@code running}).
 */
@ApplicationScoped
public class GateState {

    /** The gate as of one instant; every field belongs to the same moment. */
    public record Snapshot(GatePhase phase, GateStatus status, Map<String, Long> durationsMillis,
            List<Finding> findings, Instant changedAt, Instant failingSince, boolean workerStarted,
            Throwable workerDeath) {

        public Snapshot {
            durationsMillis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(durationsMillis));
            findings = List.copyOf(findings);
        }

        public boolean passed() {
            return status == GateStatus.PASSED;
        }

        /** This snapshot as the start-up report. */
        public GateReport report() {
            return new GateReport(status, phase.label(), durationsMillis, findings, changedAt);
        }
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> current;

    GateState(Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(new Snapshot(GatePhase.STARTING, GateStatus.RUNNING, Map.of(), List.of(),
                clock.instant(), null, false, null));
    }

    private void update(UnaryOperator<Snapshot> change) {
        current.updateAndGet(change);
    }

    void workerStarted() {
        Instant now = clock.instant();
        update(s -> new Snapshot(s.phase(), s.status(), s.durationsMillis(), s.findings(), now, s.failingSince(), true,
                s.workerDeath()));
    }

    /** Clears the previous run's phase, durations and findings before a (re)run of the pipeline. */
    void restart() {
        Instant now = clock.instant();
        update(s -> new Snapshot(GatePhase.STARTING, GateStatus.RUNNING, Map.of(), List.of(), now, s.failingSince(),
                s.workerStarted(), s.workerDeath()));
    }

    void enter(GatePhase next) {
        Instant now = clock.instant();
        update(s -> new Snapshot(next, s.status(), s.durationsMillis(), s.findings(), now, s.failingSince(),
                s.workerStarted(), s.workerDeath()));
    }

    void phaseTook(GatePhase finished, Duration took) {
        Instant now = clock.instant();
        update(s -> {
            Map<String, Long> durations = new LinkedHashMap<>(s.durationsMillis());
            durations.put(finished.label(), took.toMillis());
            return new Snapshot(s.phase(), s.status(), durations, s.findings(), now, s.failingSince(), s.workerStarted(),
                    s.workerDeath());
        });
    }

    /** Replaces the findings of the run so far (the latest phase's view). */
    void findings(List<Finding> findings) {
        Instant now = clock.instant();
        update(s -> new Snapshot(s.phase(), s.status(), s.durationsMillis(), findings, now, s.failingSince(),
                s.workerStarted(), s.workerDeath()));
    }

    /** The gate passed: phase {@code ready} and status {@code passed} in one step. */
    void pass() {
        pass(GatePhase.READY);
    }

    /** The gate passed, ending in {@code phase} ({@code rehearse} for a rehearsal, which never becomes ready). */
    void pass(GatePhase phase) {
        Instant now = clock.instant();
        update(s -> new Snapshot(phase, GateStatus.PASSED, s.durationsMillis(), s.findings(), now, null,
                s.workerStarted(), s.workerDeath()));
    }

    /** The gate failed in its current phase, with the findings recorded so far. */
    void fail() {
        Instant now = clock.instant();
        update(s -> new Snapshot(s.phase(), GateStatus.FAILED, s.durationsMillis(), s.findings(), now,
                s.failingSince() == null ? now : s.failingSince(), s.workerStarted(), s.workerDeath()));
    }

    void workerDied(Throwable cause) {
        Instant now = clock.instant();
        update(s -> new Snapshot(s.phase(), GateStatus.FAILED, s.durationsMillis(), s.findings(), now,
                s.failingSince() == null ? now : s.failingSince(), s.workerStarted(), cause));
    }

    /** The whole state as of now, consistent in itself. */
    public Snapshot snapshot() {
        return current.get();
    }

    public GatePhase phase() {
        return snapshot().phase();
    }

    public GateStatus status() {
        return snapshot().status();
    }

    public boolean hasPassed() {
        return snapshot().passed();
    }

    public boolean workerHasStarted() {
        return snapshot().workerStarted();
    }

    /** The unexpected error that killed the worker, if it died. */
    public Optional<Throwable> workerDeath() {
        return Optional.ofNullable(snapshot().workerDeath());
    }

    /** When the gate first failed in the current run, if it is failing. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(snapshot().failingSince());
    }

    /** The start-up report as of now. */
    public GateReport report() {
        return snapshot().report();
    }
}

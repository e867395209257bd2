package dev.migrationgate.metrics;

import dev.migrationgate.gate.GatePhase;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.gate.ValidationCompleted;
import dev.migrationgate.gate.ValidationCompleted.Outcome;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Exports what the gate knows as Micrometer meters (Prometheus names of the public contract, served on
 * the management interface at {@code /q/metrics}):
 * <ul>
 * <li>{@code migration_gate_ready}: 1 while readiness is UP (the gate passed and the latest re-validation
 * passed), else 0;</li>
 * <li>{@code migration_gate_findings{code,severity,concern}}: how many current findings have that code
 * (the start-up report until the gate passed, then the latest re-validation's); a series disappears once
 * its finding has cleared;</li>
 * <li>{@code migration_gate_phase_duration_seconds{phase}}: each phase of the last start-up run;</li>
 * <li>{@code migration_gate_phase{phase}}: 1 for the phase the gate is in (an addition);</li>
 * <li>{@code migration_gate_validations_total{outcome}} ({@link Outcome}) and
 * {@code migration_gate_validation_duration_seconds}: readiness re-validations.</li>
 * </ul>
 * Label values are codes and names only, never messages. Series whose label sets change (findings,
 * phase durations) are re-registered when a re-validation ends and on a one-second in-memory tick, so
 * start-up progress shows without any database work.
 */
@Startup
@ApplicationScoped
public class GateMetrics {

    static final String READY = "migration.gate.ready";
    static final String FINDINGS = "migration.gate.findings";
    static final String PHASE = "migration.gate.phase";
    static final String PHASE_DURATION = "migration.gate.phase.duration";
    static final String VALIDATIONS = "migration.gate.validations";
    static final String VALIDATION_DURATION = "migration.gate.validation.duration";
    private static final long REFRESH_MILLIS = 1000;

    private final GateState state;
    private final Vertx vertx;
    private final Map<Outcome, Counter> validations = new EnumMap<>(Outcome.class);
    private final Timer validationDuration;
    private final MultiGauge findings;
    private final MultiGauge phaseDurations;
    private final long refreshTimer;
    private volatile ValidationCompleted latest;
    private Set<FindingKey> registeredFindings = Set.of();
    private Set<String> registeredPhases = Set.of();

    GateMetrics(MeterRegistry registry, GateState state, Vertx vertx) {
        this.state = state;
        this.vertx = vertx;
        Gauge.builder(READY, this, GateMetrics::ready)
                .description("1 while readiness is UP: the gate passed and the latest re-validation passed")
                .register(registry);
        for (GatePhase phase : GatePhase.values()) {
            Gauge.builder(PHASE, state, s -> s.phase() == phase ? 1 : 0)
                    .tag("phase", phase.label())
                    .description("1 for the phase the gate is in")
                    .register(registry);
        }
        findings = MultiGauge.builder(FINDINGS)
                .description("Current findings by code (start-up report until the gate passed, then runtime)")
                .register(registry);
        phaseDurations = MultiGauge.builder(PHASE_DURATION)
                .baseUnit("seconds")
                .description("How long each phase of the last start-up run took")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            validations.put(outcome, Counter.builder(VALIDATIONS)
                    .tag("outcome", outcome.label())
                    .description("Readiness re-validations by how they ended")
                    .register(registry));
        }
        validationDuration = Timer.builder(VALIDATION_DURATION)
                .description("How long readiness re-validations took (a timeout counts as gate.check-timeout)")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
        refresh();
        refreshTimer = vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    }

    void onValidation(@Observes ValidationCompleted completed) {
        validations.get(completed.outcome()).increment();
        validationDuration.record(completed.took());
        latest = completed;
        refresh();
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(refreshTimer);
    }

    private double ready() {
        ValidationCompleted last = latest;
        return state.hasPassed() && (last == null || last.outcome() == Outcome.PASSED) ? 1 : 0;
    }

    /** The findings readiness judges now, without validating: runtime ones once the gate passed. */
    private List<Finding> currentFindings() {
        ValidationCompleted last = latest;
        if (state.hasPassed() && last != null) {
            return last.report().findings();
        }
        return state.report().findings();
    }

    private synchronized void refresh() {
        Set<FindingKey> keys = currentFindings().stream().map(FindingKey::of).collect(Collectors.toSet());
        if (!keys.equals(registeredFindings)) {
            findings.register(keys.stream()
                    .map(key -> MultiGauge.Row.of(key.tags(), this, metrics -> metrics.count(key)))
                    .toList(), true);
            registeredFindings = keys;
        }
        Set<String> phases = state.report().durationsMillis().keySet();
        if (!phases.equals(registeredPhases)) {
            phaseDurations.register(phases.stream()
                    .map(phase -> MultiGauge.Row.of(Tags.of("phase", phase), this,
                            metrics -> metrics.phaseSeconds(phase)))
                    .toList(), true);
            registeredPhases = Set.copyOf(phases);
        }
    }

    private double count(FindingKey key) {
        return currentFindings().stream().filter(f -> FindingKey.of(f).equals(key)).count();
    }

    private double phaseSeconds(String phase) {
        Long millis = state.report().durationsMillis().get(phase);
        return millis == null ? Double.NaN : millis / 1000.0;
    }

    /** The labels of one findings series: bounded values only. */
    private record FindingKey(String code, String severity, String concern) {

        static FindingKey of(Finding finding) {
            return new FindingKey(finding.code().name(), lower(finding.severity().name()),
                    lower(finding.code().concern().name()));
        }

        Tags tags() {
            return Tags.of("code", code, "severity", severity, "concern", concern);
        }

        private static String lower(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}

package dev.migrationgate.health;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.gate.RuntimeValidation;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.GateReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The report every readiness check reads: the start-up report until the gate has passed, afterwards
 * the cached live re-validation. One place builds the responses so every check has the same data keys,
 * and builds them once per gate snapshot and report ({@link ReadinessResponses}), not once per probe.
 */
@ApplicationScoped
public class GateReadiness {

    /** Data key: comma-separated finding codes of the check's concern. */
    public static final String CODES = "codes";
    /** Data key: a short human-readable detail. */
    public static final String DETAIL = "detail";

    private final GateState state;
    private final RuntimeValidation runtime;
    private volatile ReadinessResponses latest;

    GateReadiness(GateState state, RuntimeValidation runtime) {
        this.state = state;
        this.runtime = runtime;
        this.latest = ReadinessResponses.of(state.snapshot(), null);
    }

    /** The report readiness judges now. */
    public Uni<GateReport> report() {
        if (!state.hasPassed()) {
            return Uni.createFrom().item(state.report());
        }
        return Uni.createFrom().completionStage(runtime::current);
    }

    /**
     * The response of the check named after {@code concern}. Answers at once, without a callback, while the
     * cached re-validation is fresh; waits for the validation in flight only once the TTL has passed.
     */
    public Uni<HealthCheckResponse> response(Concern concern) {
        GateState.Snapshot gate = state.snapshot();
        if (!gate.passed()) {
            return Uni.createFrom().item(responses(gate, null).response(concern));
        }
        CompletableFuture<GateReport> report = runtime.current().toCompletableFuture();
        if (report.isDone()) {
            return Uni.createFrom().item(responses(gate, report.join()).response(concern));
        }
        return Uni.createFrom().completionStage(report)
                .map(fresh -> responses(state.snapshot(), fresh).response(concern));
    }

    private ReadinessResponses responses(GateState.Snapshot gate, GateReport runtimeReport) {
        ReadinessResponses responses = latest.judging(gate, runtimeReport);
        latest = responses;
        return responses;
    }
}

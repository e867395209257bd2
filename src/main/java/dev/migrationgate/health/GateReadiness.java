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
        ReadinessResponses now = answeredNow();
        if (now != null) {
            return Uni.createFrom().item(now.response(concern));
        }
        return Uni.createFrom().completionStage(runtime::current)
                .map(fresh -> responses(state.snapshot(), fresh).response(concern));
    }

    /**
     * The responses readiness answers right now: those of the current gate snapshot and, once the gate
     * passed, of the cached re-validation; {@code null} while the TTL has passed and readiness would wait for
     * the re-validation in flight (which this call starts if none runs).
     */
    ReadinessResponses answeredNow() {
        GateState.Snapshot gate = state.snapshot();
        if (!gate.passed()) {
            return responses(gate, null);
        }
        CompletableFuture<GateReport> report = runtime.current().toCompletableFuture();
        return report.isDone() ? responses(gate, report.join()) : null;
    }

    private ReadinessResponses responses(GateState.Snapshot gate, GateReport runtimeReport) {
        ReadinessResponses responses = latest.judging(gate, runtimeReport);
        latest = responses;
        return responses;
    }
}

package dev.migrationgate.health;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.gate.RuntimeValidation;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The report every readiness check reads: the start-up report until the gate has passed, afterwards
 * the cached live re-validation. One place builds the responses so every check has the same data keys.
 */
@ApplicationScoped
public class GateReadiness {

    /** Data key: comma-separated finding codes of the check's concern. */
    public static final String CODES = "codes";
    /** Data key: a short human-readable detail. */
    public static final String DETAIL = "detail";

    private final GateState state;
    private final RuntimeValidation runtime;

    GateReadiness(GateState state, RuntimeValidation runtime) {
        this.state = state;
        this.runtime = runtime;
    }

    /** The report readiness judges now. */
    public Uni<GateReport> report() {
        if (!state.hasPassed()) {
            return Uni.createFrom().item(state.report());
        }
        return Uni.createFrom().completionStage(runtime::current);
    }

    /** The response of the check named after {@code concern}: DOWN while its concern has a blocking finding. */
    public Uni<HealthCheckResponse> concern(Concern concern) {
        return report().map(report -> {
            List<Finding> findings = report.findings(concern);
            boolean blocking = !blocking(findings).isEmpty();
            boolean up = state.hasPassed() && !blocking;
            String detail;
            if (!findings.isEmpty()) {
                detail = findings.get(0).message() + (findings.size() > 1 ? " (+" + (findings.size() - 1) + " more)" : "");
            } else if (!state.hasPassed()) {
                detail = "gate not passed yet (phase " + state.phase().label() + ")";
            } else {
                detail = "ok";
            }
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(concern.healthCheckName()).status(up)
                    .withData(CODES, codes(findings))
                    .withData(DETAIL, detail);
            return builder.build();
        });
    }

    /** The findings that block under the gate's policy (which judges each by its stage). */
    static List<Finding> blocking(List<Finding> findings) {
        return BlockingPolicy.standard().blocking(findings);
    }

    static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(","));
    }
}

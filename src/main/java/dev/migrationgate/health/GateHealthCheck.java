package dev.migrationgate.health;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code gate}: DOWN until the start-up gate has passed, afterwards DOWN while the live
 * re-validation has any blocking finding. Its data carries the phase, the status, each phase's duration
 * and since when the gate has been failing.
 */
@Readiness
@ApplicationScoped
public class GateHealthCheck implements AsyncHealthCheck {

    private final GateReadiness readiness;
    private final GateState state;

    GateHealthCheck(GateReadiness readiness, GateState state) {
        this.readiness = readiness;
        this.state = state;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return readiness.report().map(report -> {
            GateState.Snapshot gate = state.snapshot();
            List<Finding> blocking = GateReadiness.blocking(report.findings());
            boolean up = gate.passed() && blocking.isEmpty();
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(Concern.INFRASTRUCTURE.healthCheckName())
                    .status(up)
                    .withData("phase", gate.phase().label())
                    .withData("status", (gate.passed() ? report.status() : gate.status()).label())
                    .withData(GateReadiness.CODES, GateReadiness.codes(report.findings(Concern.INFRASTRUCTURE)))
                    .withData(GateReadiness.DETAIL, detail(up, blocking, gate));
            gate.durationsMillis().forEach((phase, millis) -> builder.withData(phase + "Ms", millis));
            if (gate.failingSince() != null) {
                builder.withData("failingSince", gate.failingSince().toString());
            }
            return builder.build();
        });
    }

    private static String detail(boolean up, List<Finding> blocking, GateState.Snapshot gate) {
        if (up) {
            return "ok";
        }
        if (!blocking.isEmpty()) {
            return blocking.size() + " blocking finding(s), first: " + blocking.get(0).code() + " "
                    + blocking.get(0).object();
        }
        return "gate not passed yet (phase " + gate.phase().label() + ")";
    }
}

package dev.migrationgate.health;

import dev.migrationgate.report.Concern;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code gate}: DOWN until the start-up gate has passed, afterwards DOWN while the live
 * re-validation has any blocking finding. Its data carries the phase, the status, each phase's duration
 * and since when the gate has been failing ({@link ReadinessResponses} builds it).
 */
@Readiness
@ApplicationScoped
public class GateHealthCheck implements AsyncHealthCheck {

    private final GateReadiness readiness;

    GateHealthCheck(GateReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return readiness.response(Concern.INFRASTRUCTURE);
    }
}

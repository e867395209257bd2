package dev.migrationgate.health;

import dev.migrationgate.gate.GateState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check {@code gate-worker}: UP unless the gate worker died unexpectedly. It never touches the
 * database, so a slow or absent database never gets the pod restarted.
 */
@Liveness
@ApplicationScoped
public class GateWorkerLivenessCheck implements HealthCheck {

    private final GateState state;

    GateWorkerLivenessCheck(GateState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return state.workerDeath()
                .map(death -> HealthCheckResponse.named("gate-worker").down()
                        .withData(GateReadiness.DETAIL, "gate worker died: " + death.getClass().getSimpleName())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("gate-worker").up()
                        .withData("phase", state.phase().label())
                        .build());
    }
}

package dev.migrationgate.health;

import dev.migrationgate.gate.GateState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Startup check {@code gate-started}: UP once the HTTP server is up and the gate worker has started. */
@Startup
@ApplicationScoped
public class GateStartedCheck implements HealthCheck {

    private final GateState state;

    GateStartedCheck(GateState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gate-started").status(state.workerHasStarted())
                .withData("phase", state.phase().label())
                .build();
    }
}

package dev.migrationgate.gate;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Until the gate has passed, every {@code /api/**} request answers 503 with Retry-After and the phase. */
public class ApiGateFilter {

    /** Seconds a client should wait before retrying while the gate works. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final GateState state;

    ApiGateFilter(GateState state) {
        this.state = state;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> holdUntilPassed(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        GateState.Snapshot gate = state.snapshot();
        if (gate.passed() || !(path.equals("/api") || path.startsWith("/api/"))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of(
                        "error", "gate_closed",
                        "status", gate.status().label(),
                        "phase", gate.phase().label(),
                        "message", "The database has not passed the migration gate yet (phase "
                                + gate.phase().label() + "); see /q/gate on the management port"))
                .build());
    }
}

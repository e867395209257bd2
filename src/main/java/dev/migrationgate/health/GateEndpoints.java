package dev.migrationgate.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.gate.GateWorker;
import dev.migrationgate.gate.RuntimeValidation;
import dev.migrationgate.report.GateReport;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The report endpoints of the management interface: {@code GET /q/gate} (the full report as JSON)
 * and {@code POST /q/gate/recheck} (re-run a failed gate, or re-validate a passed one now; at most once
 * per {@link #RECHECK_INTERVAL}, otherwise 429 with Retry-After).
 */
@ApplicationScoped
public class GateEndpoints {

    /** The shortest interval between two forced rechecks. */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

    private final GateState state;
    private final GateReadiness readiness;
    private final RuntimeValidation runtime;
    private final GateWorker worker;
    private final ObjectMapper json;
    private final Clock clock;
    private Instant lastRecheck = Instant.MIN;

    GateEndpoints(GateState state, GateReadiness readiness, RuntimeValidation runtime, GateWorker worker,
            ObjectMapper json, Clock clock) {
        this.state = state;
        this.readiness = readiness;
        this.runtime = runtime;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    void routes(@Observes ManagementInterface management) {
        management.router().get("/q/gate").handler(this::report);
        management.router().post("/q/gate/recheck").handler(this::recheck);
    }

    private void report(RoutingContext context) {
        readiness.report().subscribe().with(
                report -> send(context.response(), 200, withStartupDurations(report)),
                failure -> context.fail(failure));
    }

    private void recheck(RoutingContext context) {
        if (!claimRecheck()) {
            context.response().putHeader("Retry-After", String.valueOf(RECHECK_INTERVAL.toSeconds()));
            send(context.response(), 429, Map.of("error", "rate_limited",
                    "message", "At most one recheck per " + RECHECK_INTERVAL.toSeconds() + " s"));
            return;
        }
        if (state.hasPassed()) {
            runtime.refresh().whenComplete((report, failure) -> context.vertx().runOnContext(ignored -> {
                if (failure != null) {
                    context.fail(failure);
                } else {
                    send(context.response(), 200, withStartupDurations(report));
                }
            }));
            return;
        }
        if (worker.restart()) {
            send(context.response(), 202, Map.of("status", "running", "message",
                    "The start-up gate is running again; poll GET /q/gate"));
        } else {
            send(context.response(), 409, Map.of("error", "gate_running", "phase", state.phase().label(),
                    "message", "The start-up gate is still running; poll GET /q/gate"));
        }
    }

    private synchronized boolean claimRecheck() {
        Instant now = clock.instant();
        if (now.isBefore(lastRecheck.plus(RECHECK_INTERVAL))) {
            return false;
        }
        lastRecheck = now;
        return true;
    }

    private GateReport withStartupDurations(GateReport report) {
        if (!state.hasPassed()) {
            return report;
        }
        Map<String, Long> durations = new java.util.LinkedHashMap<>(state.report().durationsMillis());
        durations.putAll(report.durationsMillis());
        return new GateReport(report.status(), state.phase().label(), durations, report.findings(), report.checkedAt());
    }

    private void send(HttpServerResponse response, int status, Object body) {
        try {
            response.setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}

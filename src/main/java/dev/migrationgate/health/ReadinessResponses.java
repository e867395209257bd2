package dev.migrationgate.health;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The answers of every readiness check for one gate snapshot and one report, built once: probes arrive
 * far more often than either changes, so readiness hands out these immutable responses until a new
 * snapshot or report replaces them.
 *
 * @param gate the gate as of the snapshot the responses judge
 * @param runtimeReport the live re-validation they judge, or {@code null} before the gate passed (then the
 *     start-up report of {@code gate})
 */
record ReadinessResponses(GateState.Snapshot gate, GateReport runtimeReport, Map<Concern, HealthCheckResponse> byConcern) {

    ReadinessResponses {
        byConcern = Map.copyOf(byConcern);
    }

    static ReadinessResponses of(GateState.Snapshot gate, GateReport runtimeReport) {
        GateReport report = runtimeReport != null ? runtimeReport : gate.report();
        Map<Concern, HealthCheckResponse> responses = new EnumMap<>(Concern.class);
        for (Concern concern : Concern.values()) {
            responses.put(concern, concern == Concern.INFRASTRUCTURE ? gateResponse(gate, report)
                    : concernResponse(concern, gate, report));
        }
        return new ReadinessResponses(gate, runtimeReport, responses);
    }

    /**
     * These responses if they judge exactly this snapshot and report (the same objects: each change of the
     * gate or each new validation makes new ones), else new responses that do.
     */
    ReadinessResponses judging(GateState.Snapshot snapshot, GateReport report) {
        return gate == snapshot && runtimeReport == report ? this : of(snapshot, report);
    }

    HealthCheckResponse response(Concern concern) {
        return byConcern.get(concern);
    }

    /** Whether every check is UP, i.e. readiness as a whole is UP. */
    boolean up() {
        return byConcern.values().stream().allMatch(response -> response.getStatus() == HealthCheckResponse.Status.UP);
    }

    /** Check {@code gate}: the phase, the status, each phase's duration and since when the gate has been failing. */
    private static HealthCheckResponse gateResponse(GateState.Snapshot gate, GateReport report) {
        List<Finding> blocking = blocking(report.findings());
        boolean up = gate.passed() && blocking.isEmpty();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(Concern.INFRASTRUCTURE.healthCheckName())
                .status(up)
                .withData("phase", gate.phase().label())
                .withData("status", (gate.passed() ? report.status() : gate.status()).label())
                .withData(GateReadiness.CODES, codes(report.findings(Concern.INFRASTRUCTURE)))
                .withData(GateReadiness.DETAIL, gateDetail(up, blocking, gate));
        gate.durationsMillis().forEach((phase, millis) -> builder.withData(phase + "Ms", millis));
        if (gate.failingSince() != null) {
            builder.withData("failingSince", gate.failingSince().toString());
        }
        return builder.build();
    }

    private static String gateDetail(boolean up, List<Finding> blocking, GateState.Snapshot gate) {
        if (up) {
            return "ok";
        }
        if (!blocking.isEmpty()) {
            return blocking.size() + " blocking finding(s), first: " + blocking.get(0).code() + " "
                    + blocking.get(0).object();
        }
        return "gate not passed yet (phase " + gate.phase().label() + ")";
    }

    /** The check named after {@code concern}: DOWN while its concern has a blocking finding. */
    private static HealthCheckResponse concernResponse(Concern concern, GateState.Snapshot gate, GateReport report) {
        List<Finding> findings = report.findings(concern);
        boolean up = gate.passed() && blocking(findings).isEmpty();
        String detail;
        if (!findings.isEmpty()) {
            detail = findings.get(0).message() + (findings.size() > 1 ? " (+" + (findings.size() - 1) + " more)" : "");
        } else if (!gate.passed()) {
            detail = "gate not passed yet (phase " + gate.phase().label() + ")";
        } else {
            detail = "ok";
        }
        return HealthCheckResponse.named(concern.healthCheckName()).status(up)
                .withData(GateReadiness.CODES, codes(findings))
                .withData(GateReadiness.DETAIL, detail)
                .build();
    }

    /** The findings that block under the gate's policy (which judges each by its stage). */
    private static List<Finding> blocking(List<Finding> findings) {
        return BlockingPolicy.standard().blocking(findings);
    }

    private static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(","));
    }
}

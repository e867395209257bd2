package dev.migrationgate.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.GatePhase;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.report.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/**
 * Readiness hands out the same responses while neither the gate nor the re-validation changed, and new
 * ones from the first probe after either did: a cached UP never outlives the report or phase it came from.
 */
class ReadinessResponsesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final GateState.Snapshot passed = snapshot(GatePhase.READY, GateStatus.PASSED);
    final GateReport clean = report();

    @Test
    void sameSnapshotAndReportReuseTheResponses() {
        ReadinessResponses first = ReadinessResponses.of(passed, clean);

        assertSame(first, first.judging(passed, clean));
        assertEquals(Status.UP, first.response(Concern.ENUMS).getStatus());
    }

    @Test
    void newReportReplacesTheResponsesAtOnce() {
        ReadinessResponses beforeDrift = ReadinessResponses.of(passed, clean);
        GateReport drifted = report(Finding.of(FindingCode.ENUM_CASE_MISMATCH, "userrole", "admin", "ADMIN",
                "Enum userrole stores names instead of values", null).at(Stage.RUNTIME));

        ReadinessResponses afterDrift = beforeDrift.judging(passed, drifted);

        HealthCheckResponse enums = afterDrift.response(Concern.ENUMS);
        assertEquals(Status.DOWN, enums.getStatus());
        assertEquals("ENUM_CASE_MISMATCH", data(enums, GateReadiness.CODES));
        assertEquals(Status.DOWN, afterDrift.response(Concern.INFRASTRUCTURE).getStatus());
        assertEquals("failed", data(afterDrift.response(Concern.INFRASTRUCTURE), "status"));
        assertEquals(Status.UP, afterDrift.response(Concern.TIMESTAMPS).getStatus());
    }

    @Test
    void equalButNewReportReplacesTheResponses() {
        ReadinessResponses first = ReadinessResponses.of(passed, clean);

        assertNotSame(first, first.judging(passed, report()));
    }

    @Test
    void phaseChangeReplacesTheResponsesAtOnce() {
        GateState.Snapshot migrating = snapshot(GatePhase.MIGRATE, GateStatus.RUNNING);
        ReadinessResponses whileMigrating = ReadinessResponses.of(migrating, null);
        assertEquals(Status.DOWN, whileMigrating.response(Concern.INFRASTRUCTURE).getStatus());
        assertEquals("migrate", data(whileMigrating.response(Concern.INFRASTRUCTURE), "phase"));

        GateState.Snapshot verifying = snapshot(GatePhase.POST_MIGRATION, GateStatus.RUNNING);
        ReadinessResponses whileVerifying = whileMigrating.judging(verifying, null);
        assertEquals("post-migration", data(whileVerifying.response(Concern.INFRASTRUCTURE), "phase"));
        assertEquals("gate not passed yet (phase post-migration)",
                data(whileVerifying.response(Concern.ENUMS), GateReadiness.DETAIL));

        ReadinessResponses ready = whileVerifying.judging(passed, clean);
        assertEquals(Status.UP, ready.response(Concern.INFRASTRUCTURE).getStatus());
        assertEquals("ready", data(ready.response(Concern.INFRASTRUCTURE), "phase"));
        assertEquals(Status.UP, ready.response(Concern.ENUMS).getStatus());
    }

    private static GateState.Snapshot snapshot(GatePhase phase, GateStatus status) {
        return new GateState.Snapshot(phase, status, Map.of("connect", 3L), List.of(), NOW, null, true, null);
    }

    private static GateReport report(Finding... findings) {
        return BlockingPolicy.standard().report(GatePhase.READY.label(), Map.of(), List.of(findings), NOW);
    }

    private static Object data(HealthCheckResponse response, String key) {
        return response.getData().orElseThrow().get(key);
    }
}

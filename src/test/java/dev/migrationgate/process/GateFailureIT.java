package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a failed gate does to the process: {@code gate.on-failure=exit} logs the report and exits
 * non-zero; the default {@code stay-unready} keeps the process serving probes, unready, with the API closed.
 * The gate fails by requiring {@code vector}, which this PostgreSQL does not offer.
 */
class GateFailureIT {

    private static final Map<String, String> REQUIRES_VECTOR =
            Map.of("gate.extensions.required", "uuid-ossp,pgcrypto,vector");
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    @Test
    void onFailureExitLogsTheReportAndExitsNonZero() throws Exception {
        Map<String, String> properties = new HashMap<>(REQUIRES_VECTOR);
        properties.put("gate.on-failure", "exit");
        try (AppProcess app = AppProcess.start(empty.name(), properties)) {
            int exitCode = app.awaitExit(DEADLINE);

            String output = app.output();
            assertNotEquals(0, exitCode, output);
            assertTrue(output.contains("EXTENSION_UNAVAILABLE") && output.contains("vector"),
                    "the report names the finding and the extension:\n" + output);
            assertEquals(Set.of(), new DatabaseFacts(server, empty.name()).tables(),
                    "the gate stopped before migrating");
        }
    }

    @Test
    void stayUnreadyKeepsProbesAnsweringWithReadinessDownAndTheApiClosed() throws Exception {
        try (AppProcess app = AppProcess.start(empty.name(), REQUIRES_VECTOR)) {
            app.awaitManagement("/q/gate", answer -> GateReportAnswer.hasStatus(answer, "failed"), DEADLINE);

            AppProcess.Response ready = app.management("/q/health/ready");
            assertEquals(503, ready.status(), ready.toString());
            Health readiness = Health.of(ready);
            assertEquals("DOWN", readiness.check("gate-extensions"));
            assertTrue(readiness.data("gate-extensions", "codes").orElse("").contains("EXTENSION_UNAVAILABLE"),
                    readiness.toString());
            assertEquals("UP", Health.of(app.management("/q/health/live")).status());
            assertEquals("UP", Health.of(app.management("/q/health/started")).status());

            AppProcess.Response users = app.api("/api/users");
            assertEquals(503, users.status(), users.toString());
            assertTrue(users.header("Retry-After").isPresent(), "503 carries Retry-After: " + users.headers());

            app.assertHolds("/q/health/live", answer -> answer.status() == 200 && Health.is(answer, "UP"),
                    Duration.ofSeconds(3));
            assertEquals(503, app.management("/q/health/ready").status(), "still unready, not exited");
            assertTrue(app.output().contains("EXTENSION_UNAVAILABLE"), "the report is logged:\n" + app.output());
        }
    }
}

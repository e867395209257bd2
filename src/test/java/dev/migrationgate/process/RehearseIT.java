package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.testdb.CatalogState;
import dev.migrationgate.testdb.EmptyDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gate.mode=rehearse} as a CI job runs it, from the packaged application: stdout is the JSON report
 * alone, stderr the summary and the log, the exit code 0 when the release would pass and 1 when it would be
 * refused, and the database is exactly as before, as a plain run and in init-and-exit mode.
 */
class RehearseIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();

    @Test
    void plainRunRehearsesTheReleaseExitsZeroAndChangesNothing() throws Exception {
        CatalogState before = CatalogState.of(empty.name());
        try (AppProcess app = AppProcess.startSeparatingStderr(empty.name(), Map.of(), Map.of("GATE_MODE", "rehearse"))) {
            int exitCode = app.awaitExit(DEADLINE);

            assertEquals(0, exitCode, app.output() + app.errors());
            JsonNode report = JSON.readTree(app.output());
            assertEquals("passed", report.get("status").asText(), app.output());
            assertEquals("rehearse", report.get("phase").asText(), app.output());
            List<String> severities = report.get("findings").findValuesAsText("severity");
            assertTrue(severities.stream().noneMatch("ERROR"::equals), "V1 and its history row were rehearsed:"
                    + " nothing pending, nothing missing: " + app.output());
            assertTrue(app.errors().contains("Rehearsal passed"), app.errors());
            assertEquals(before, CatalogState.of(empty.name()));
            assertEquals(List.of(), before.relations(), "an empty database stays empty");
        }
    }

    @Test
    void initAndExitRehearsalOfARefusedReleaseExitsOneAndChangesNothing() throws Exception {
        CatalogState before = CatalogState.of(empty.name());
        try (AppProcess app = AppProcess.startSeparatingStderr(empty.name(),
                Map.of("gate.extensions.required", "uuid-ossp,pgcrypto,vector"),
                Map.of("GATE_MODE", "rehearse", "QUARKUS_INIT_AND_EXIT", "true"))) {
            int exitCode = app.awaitExit(DEADLINE);

            assertEquals(1, exitCode, app.output() + app.errors());
            JsonNode report = JSON.readTree(app.output());
            assertEquals("failed", report.get("status").asText(), app.output());
            assertTrue(report.get("findings").findValuesAsText("code").contains("EXTENSION_UNAVAILABLE"), app.output());
            assertTrue(app.errors().contains("Rehearsal refused"), app.errors());
            assertEquals(before, CatalogState.of(empty.name()), "uuid-ossp and pgcrypto were created and rolled back");
        }
    }
}

package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.EmptyDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gate.mode=verify} with {@code quarkus.flyway.migrate-at-start=true} stops start-up with a clear
 * message before Quarkus's Flyway could touch the database (an unknown mode: {@code GateConfigTest}).
 */
class ModeConfigIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();

    @Test
    void verifyWithMigrateAtStartIsRefusedBeforeFlywayRuns() throws Exception {
        try (AppProcess app = AppProcess.start(empty.name(), Map.of("gate.mode", "verify"),
                Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "true"))) {
            int exit = app.awaitExit(DEADLINE);
            String output = app.output();
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("gate.mode=verify contradicts quarkus.flyway.migrate-at-start=true"), output);
            assertUntouched();
        }
    }

    private void assertUntouched() {
        assertEquals(List.of(), AdminSql.publicTables(empty.name()), "no table, not even Flyway's history");
        assertEquals(List.of("plpgsql"), AdminSql.extensions(empty.name()), "no extension created");
    }
}

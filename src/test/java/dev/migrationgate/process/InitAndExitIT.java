package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.FaultProxy;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quarkus's init-and-exit mode, requested the two ways a Job or init container sets it: the process runs
 * the gate once and exits 0 only when it passed, with the database migrated; a failed gate, or a database
 * not reachable within {@code gate.connect-timeout}, exits non-zero.
 */
class InitAndExitIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    /** How init-and-exit is requested. */
    enum Request {
        SYSTEM_PROPERTY, ENVIRONMENT_VARIABLE;

        AppProcess start(String database, Map<String, String> properties) throws Exception {
            Map<String, String> all = new HashMap<>(properties);
            if (this == SYSTEM_PROPERTY) {
                all.put("quarkus.init-and-exit", "true");
                return AppProcess.start(database, all);
            }
            return AppProcess.start(database, all, Map.of("QUARKUS_INIT_AND_EXIT", "true"));
        }
    }

    @ParameterizedTest
    @EnumSource(Request.class)
    void passingGateExitsZeroWithTheDatabaseMigrated(Request request) throws Exception {
        try (AppProcess app = request.start(empty.name(), Map.of())) {
            int exitCode = app.awaitExit(DEADLINE);

            assertEquals(0, exitCode, app.output());
            DatabaseFacts facts = new DatabaseFacts(server, empty.name());
            assertEquals(DatabaseFacts.everyShippedVersionAppliedOnce(), facts.historyRows());
            assertTrue(facts.tables().containsAll(Set.of("users", "audit_logs", "user_agent_permissions")),
                    "tables: " + facts.tables());
            assertEquals(Map.of("pgcrypto", 1L, "uuid-ossp", 1L), facts.extensionRows(List.of("uuid-ossp", "pgcrypto")));
            assertTrue(app.output().contains("Migration gate passed"), app.output());
        }
    }

    /** SmallRye reads these as true; each must run the gate like {@code true}, not take Quarkus's own path. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "YES", "On"})
    void everyTrueSpellingOfTheEnvironmentVariableRunsTheGate(String value) throws Exception {
        try (AppProcess app = AppProcess.start(empty.name(), Map.of(), Map.of("QUARKUS_INIT_AND_EXIT", value))) {
            int exitCode = app.awaitExit(DEADLINE);

            assertEquals(0, exitCode, app.output());
            assertTrue(app.output().contains("Migration gate passed"), app.output());
            assertEquals(DatabaseFacts.everyShippedVersionAppliedOnce(), new DatabaseFacts(server, empty.name()).historyRows());
        }
    }

    @Test
    void unreachableDatabaseExitsNonZeroAfterTheConnectTimeout() throws Exception {
        try (FaultProxy closed = new FaultProxy(server.host(), server.port());
                AppProcess app = Request.ENVIRONMENT_VARIABLE.start(empty.name(), Map.of(
                        "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closed.port() + "/" + empty.name(),
                        "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + closed.port() + "/" + empty.name(),
                        "gate.connect-timeout", "3s"))) {
            int exitCode = app.awaitExit(DEADLINE);

            String output = app.output();
            assertNotEquals(0, exitCode, output);
            assertTrue(output.contains("DATABASE_UNREACHABLE"), output);
        }
    }

    @ParameterizedTest
    @EnumSource(Request.class)
    void failingGateExitsNonZeroWithoutMigrating(Request request) throws Exception {
        try (AppProcess app = request.start(empty.name(), Map.of("gate.extensions.required", "uuid-ossp,pgcrypto,vector"))) {
            int exitCode = app.awaitExit(DEADLINE);

            String output = app.output();
            assertNotEquals(0, exitCode, output);
            assertTrue(output.contains("EXTENSION_UNAVAILABLE") && output.contains("vector"), output);
            assertEquals(Map.of(), new DatabaseFacts(server, empty.name()).historyRows(), "nothing was migrated");
        }
    }
}

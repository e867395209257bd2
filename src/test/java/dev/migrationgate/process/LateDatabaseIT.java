package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.FaultProxy;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database that comes up after the service: the process starts, answers started and live, stays
 * unready with DATABASE_UNREACHABLE and alive while the port is closed, and becomes ready once it opens.
 */
class LateDatabaseIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    @Test
    void probesAnswerWhileTheDatabaseIsAbsentAndReadinessFollowsWhenItArrives() throws Exception {
        try (FaultProxy lateServer = new FaultProxy(server.host(), server.port());
                AppProcess app = AppProcess.start(empty.name(), Map.of(
                        "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + lateServer.port() + "/" + empty.name(),
                        "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + lateServer.port() + "/" + empty.name(),
                        "gate.connect-timeout", "300s"))) {
            app.awaitManagement("/q/health/started", answer -> answer.status() == 200, DEADLINE);
            assertEquals(200, app.management("/q/health/live").status());
            AppProcess.Response ready = app.awaitManagement("/q/health/ready", answer -> answer.status() == 503
                    && Health.of(answer).data("gate", "codes").orElse("").contains("DATABASE_UNREACHABLE"), DEADLINE);
            assertEquals("connect", Health.of(ready).data("gate", "phase").orElse(""), ready.toString());

            app.assertHolds("/q/health/live", answer -> answer.status() == 200, Duration.ofSeconds(3));
            assertEquals(503, app.management("/q/health/ready").status(), "still waiting for the database");
            assertEquals(503, app.api("/api/users").status());

            lateServer.mode(FaultProxy.Mode.FORWARD);

            app.awaitManagement("/q/health/ready", answer -> answer.status() == 200, DEADLINE);
            assertEquals(401, app.api("/api/users").status(), "past the gate, the API asks for credentials");
            assertEquals(DatabaseFacts.everyShippedVersionAppliedOnce(), new DatabaseFacts(server, empty.name()).historyRows());
            assertEquals(1, app.output().lines().filter(line -> line.contains("started in")).count(),
                    "one start-up, no restart:\n" + app.output());
            assertTrue(app.isAlive());
        }
    }
}

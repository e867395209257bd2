package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.FaultProxy;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The database comes up after the service (both datasource URLs point at a port that refuses until the
 * test opens it): the probes answer meanwhile, {@code /api/**} answers 503 naming the phase, and once
 * the database arrives the gate passes and the API serves.
 */
@QuarkusTest
@TestProfile(GateScenarios.LateDatabase.class)
class ApiHeldUntilLateDatabaseArrivesTest {

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @TestHTTPResource("/")
    URL apiUrl;

    @ScenarioDatabase.Proxy
    FaultProxy database;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void apiAnswers503NamingThePhaseWhileProbesAnswerUntilTheLateDatabaseArrives() throws IOException {
        Http management = Http.at(managementUrl);
        Http api = Http.at(apiUrl);

        Reply waiting = Poll.until("readiness DOWN with DATABASE_UNREACHABLE", Duration.ofSeconds(30),
                () -> management.get("/q/health/ready"), r -> r.codes("gate").contains("DATABASE_UNREACHABLE"));
        waiting.assertNoCredentials(password);
        assertEquals(503, waiting.status(), waiting.toString());
        assertEquals("DOWN", waiting.json().getString("status"), waiting.toString());
        assertEquals("connect", waiting.checkData("gate", "phase"), waiting.toString());
        assertEquals("DOWN", waiting.checkStatus("gate"), waiting.toString());

        Reply started = management.get("/q/health/started").assertNoCredentials(password);
        assertEquals(200, started.status(), started.toString());
        assertEquals("UP", started.json().getString("status"), started.toString());
        Reply live = management.get("/q/health/live").assertNoCredentials(password);
        assertEquals(200, live.status(), live.toString());

        Reply held = api.get("/api/users").assertNoCredentials(password);
        assertEquals(503, held.status(), held.toString());
        assertNotNull(held.retryAfter(), "503 without Retry-After: " + held);
        assertTrue(Integer.parseInt(held.retryAfter()) > 0, held.toString());
        assertTrue(held.contentType().startsWith("application/json"), held.toString());
        assertEquals("connect", held.json().getString("phase"), held.toString());

        Reply report = management.get("/q/gate").assertNoCredentials(password);
        assertEquals("running", report.json().getString("status"), report.toString());
        assertEquals("connect", report.json().getString("phase"), report.toString());

        database.mode(FaultProxy.Mode.FORWARD);

        Reply ready = Poll.until("readiness UP after the database arrived", Duration.ofSeconds(30),
                () -> management.get("/q/health/ready"), r -> r.status() == 200);
        assertEquals("UP", ready.json().getString("status"), ready.toString());
        Reply users = api.get("/api/users");
        assertEquals(401, users.status(), "past the gate, the API asks for credentials: " + users);
        assertEquals("passed", management.get("/q/gate").json().getString("status"));
    }
}

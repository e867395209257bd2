package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From an empty database owned by a role with a password: the gate creates the extensions, migrates,
 * passes, and every probe and the report say so without ever showing a credential.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class HappyPathFromEmptyDatabaseTest extends GateScenarioTest {

    static final Set<String> READINESS_CHECKS = Set.of("gate", "gate-extensions", "gate-enums", "gate-timestamps",
            "gate-migrations");
    static final List<String> PHASES = List.of("connect", "extensions", "pre-migration", "migrate", "post-migration");

    @Inject
    @ConfigProperty(name = "quarkus.datasource.username")
    String role;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    Http management;
    Http api;

    @BeforeEach
    void gatePassed() {
        management = Http.at(managementUrl);
        api = Http.at(apiUrl);
        management.awaitGate("passed");
    }

    @Test
    void probesAreUpWithFiveNamedReadinessChecksCarryingCodesAndDetail() {
        Reply started = management.get("/q/health/started").assertNoCredentials(password);
        assertEquals(200, started.status(), started.toString());
        assertEquals("UP", started.json().getString("status"), started.toString());
        Reply live = management.get("/q/health/live").assertNoCredentials(password);
        assertEquals(200, live.status(), live.toString());
        assertEquals("UP", live.json().getString("status"), live.toString());

        Reply ready = management.get("/q/health/ready").assertNoCredentials(password);
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().getString("status"), ready.toString());
        List<String> names = ready.json().getList("checks.name");
        assertEquals(READINESS_CHECKS, Set.copyOf(names), ready.toString());
        assertEquals(READINESS_CHECKS.size(), names.size(), ready.toString());
        for (String name : READINESS_CHECKS) {
            assertEquals("UP", ready.checkStatus(name), name + " in " + ready);
            assertNotNull(ready.checkData(name, "codes"), name + " has no data.codes: " + ready);
            assertNotNull(ready.checkData(name, "detail"), name + " has no data.detail: " + ready);
        }
        assertEquals("ready", ready.checkData("gate", "phase"), ready.toString());
    }

    @Test
    void reportHasPassedStatusEveryPhaseDurationAndStagedFindings() {
        Reply report = management.get("/q/gate").assertNoCredentials(password);
        assertEquals(200, report.status(), report.toString());
        assertEquals("passed", report.json().getString("status"), report.toString());
        assertEquals("ready", report.json().getString("phase"), report.toString());
        Map<String, Object> durations = report.json().getMap("durationsMillis");
        for (String phase : PHASES) {
            assertTrue(durations.get(phase) instanceof Number millis && millis.longValue() >= 0,
                    "no duration for phase " + phase + ": " + report);
        }
        List<Map<String, Object>> findings = report.json().getList("findings");
        assertTrue(!findings.isEmpty(), report.toString());
        Set<Object> stages = findings.stream().map(f -> f.get("stage")).collect(Collectors.toSet());
        assertTrue(Set.of("pre-migration", "post-migration", "runtime").containsAll(stages), report.toString());
        assertTrue(findings.stream().noneMatch(f -> "ERROR".equals(f.get("severity"))), report.toString());
        for (Map<String, Object> finding : findings) {
            assertTrue(finding.keySet().containsAll(Set.of("code", "severity", "stage", "object", "expected", "actual",
                    "message", "fix")), "finding lacks contract fields: " + finding);
        }
    }

    @Test
    void requiredExtensionsAreCreatedByTheAppRoleAndMissingVectorIsOnlyAWarning() {
        assertEquals(List.of("false"), AdminSql.column(database, "SELECT rolsuper::text FROM pg_roles WHERE rolname = '"
                + role + "'"), "premise: the application's role is no superuser");
        assertEquals(List.of("pgcrypto", "uuid-ossp"), AdminSql.column(database, "SELECT x.extname FROM pg_extension x"
                + " JOIN pg_roles r ON r.oid = x.extowner WHERE r.rolname = '" + role + "' ORDER BY x.extname"));

        Reply report = management.get("/q/gate");
        List<Map<String, Object>> vector = report.json().getList("findings.findAll { it.object == 'vector' }");
        assertEquals(1, vector.size(), report.toString());
        assertEquals("EXTENSION_UNAVAILABLE", vector.get(0).get("code"), report.toString());
        assertEquals("WARNING", vector.get(0).get("severity"), report.toString());

        Reply ready = management.get("/q/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.checkStatus("gate-extensions"), ready.toString());
        assertEquals(List.of("EXTENSION_UNAVAILABLE"), ready.codes("gate-extensions"), ready.toString());
    }

    /** Past the gate the API answers for itself: without credentials, its 401. */
    @Test
    void apiAnswersOnceTheGatePassed() throws IOException {
        Reply users = api.get("/api/users").assertNoCredentials(password);
        assertEquals(401, users.status(), users.toString());
        assertEquals("unauthorized", users.json().getString("error"), users.toString());
        assertEquals(DatabaseFacts.shippedVersions(), new TreeSet<>(AdminSql.appliedVersions(database)));
    }
}

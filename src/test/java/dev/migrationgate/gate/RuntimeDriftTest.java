package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After READY, drift made by hand on the live database turns exactly its concern's readiness check DOWN
 * within a few cache TTLs, and repairing it (with the report's own fix where there is one) turns it UP
 * again, without a restart; liveness stays UP throughout.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class RuntimeDriftTest {

    static final List<String> CONCERNS = List.of("gate-extensions", "gate-enums", "gate-timestamps", "gate-migrations");
    static final Duration DETECTION = Duration.ofSeconds(10);

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    Http management;

    @BeforeEach
    void readyBeforeDrift() {
        management = Http.at(managementUrl);
        management.awaitGate("passed");
        awaitAllUp();
    }

    @Test
    void upperCaseEnumLabelTurnsEnumsDownUntilTheReportedRenameIsApplied() {
        Map<String, Object> finding = drift("ALTER TYPE userrole RENAME VALUE 'admin' TO 'ADMIN'", "gate-enums",
                "ENUM_CASE_MISMATCH");
        assertEquals("userrole", finding.get("object"), finding.toString());
        String fix = (String) finding.get("fix");
        assertNotNull(fix, "a case mismatch comes with its rename: " + finding);
        AdminSql.execute(database, fix);
        awaitAllUp();
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void awareCreatedAtTurnsTimestampsDownUntilTheReportedConversionIsApplied() {
        Map<String, Object> finding = drift("ALTER TABLE users ALTER COLUMN created_at TYPE timestamp with time zone"
                + " USING created_at AT TIME ZONE 'UTC'", "gate-timestamps", "TIMESTAMP_TZ_MISMATCH");
        assertEquals("users.created_at", finding.get("object"), finding.toString());
        String fix = (String) finding.get("fix");
        assertNotNull(fix, "a zone mismatch comes with its conversion: " + finding);
        AdminSql.execute(database, fix);
        awaitAllUp();
        assertEquals(List.of("timestamp without time zone"), AdminSql.column(database, "SELECT data_type FROM"
                + " information_schema.columns WHERE table_name = 'users' AND column_name = 'created_at'"));
    }

    @Test
    void droppedExtensionTurnsExtensionsDownUntilTheReportedCreateIsRun() {
        Map<String, Object> finding = drift("DROP EXTENSION pgcrypto", "gate-extensions", "EXTENSION_MISSING");
        assertEquals("pgcrypto", finding.get("object"), finding.toString());
        String fix = (String) finding.get("fix");
        assertNotNull(fix, "a missing extension comes with its CREATE: " + finding);
        AdminSql.execute(database, fix);
        awaitAllUp();
        assertTrue(AdminSql.extensions(database).contains("pgcrypto"));
    }

    @Test
    void editedHistoryRowTurnsMigrationsDownUntilItIsReverted() {
        Map<String, Object> finding = drift("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'",
                "gate-migrations", "MIGRATION_CHECKSUM_MISMATCH");
        assertTrue(((String) finding.get("object")).contains("V1__iam_schema.sql"), finding.toString());
        AdminSql.execute(database, "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
        awaitAllUp();
    }

    /**
     * Applies {@code sql} and waits until {@code check} is DOWN with {@code code} while the other concerns
     * stay UP; returns the report's runtime finding with that code.
     */
    private Map<String, Object> drift(String sql, String check, String code) {
        AdminSql.execute(database, sql);
        Reply ready = Poll.until(check + " DOWN with " + code, DETECTION, () -> management.get("/q/health/ready"),
                r -> "DOWN".equals(r.checkStatus(check)) && r.codes(check).contains(code));
        ready.assertNoCredentials(password);
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.checkStatus("gate"), ready.toString());
        assertEquals("failed", ready.checkData("gate", "status"),
                "the gate check says the live database fails: " + ready);
        for (String other : CONCERNS) {
            if (!other.equals(check)) {
                assertEquals("UP", ready.checkStatus(other), other + " must not be blamed: " + ready);
            }
        }
        assertLive();
        Reply report = management.get("/q/gate").assertNoCredentials(password);
        assertEquals("failed", report.json().getString("status"), report.toString());
        List<Map<String, Object>> findings = report.json().getList("findings.findAll { it.code == '" + code + "' }");
        assertEquals(1, findings.size(), report.toString());
        assertEquals("runtime", findings.get(0).get("stage"), report.toString());
        assertEquals("ERROR", findings.get(0).get("severity"), report.toString());
        return findings.get(0);
    }

    private void awaitAllUp() {
        Reply ready = Poll.until("readiness UP", DETECTION, () -> management.get("/q/health/ready"),
                r -> r.status() == 200);
        for (String concern : CONCERNS) {
            assertEquals("UP", ready.checkStatus(concern), ready.toString());
        }
        assertLive();
    }

    private void assertLive() {
        Reply live = management.get("/q/health/live");
        assertEquals(200, live.status(), live.toString());
        assertEquals("UP", live.json().getString("status"), live.toString());
    }
}

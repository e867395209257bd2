package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A pending V90 adds a column and then fails: the gate reports MIGRATION_FAILED with the error's SQLSTATE,
 * and PostgreSQL's transactional DDL leaves the schema and the history exactly as the shipped migrations
 * left them.
 */
@QuarkusTest
@TestProfile(GateScenarios.BrokenPendingScript.class)
class BrokenPendingScriptTest extends GateScenarioTest {

    @Test
    void failingScriptIsReportedWithFlywaysErrorAndLeavesTheSchemaUnchanged() throws IOException {
        Http management = Http.at(managementUrl);
        Reply report = management.awaitGate("failed");

        assertEquals("migrate", report.json().getString("phase"), report.toString());
        List<Map<String, Object>> failed = report.json().getList("findings.findAll { it.code == 'MIGRATION_FAILED' }");
        assertEquals(1, failed.size(), report.toString());
        assertEquals("ERROR", failed.get(0).get("severity"), report.toString());
        assertTrue(((String) failed.get(0).get("object")).contains("V90__nickname_then_fail.sql"), report.toString());
        String actual = (String) failed.get(0).get("actual");
        assertTrue(actual.contains("SQLSTATE 42704"), "the SQLSTATE of Flyway's error must be in the finding: " + actual);
        assertFalse(actual.contains("no_such_type"), "no driver message in a finding: " + actual);

        assertEquals(List.of(), AdminSql.column(database, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name IN ('nickname', 'mood')"));
        assertEquals(DatabaseFacts.shippedVersions(), new TreeSet<>(AdminSql.appliedVersions(database)));
        assertEquals(DatabaseFacts.shippedVersions(), new TreeSet<>(AdminSql.column(database,
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")), "no failed V90 row either");

        Reply ready = management.get("/q/health/ready");
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.checkStatus("gate-migrations"), ready.toString());
        assertTrue(ready.codes("gate-migrations").contains("MIGRATION_FAILED"), ready.toString());
        assertEquals(503, Http.at(apiUrl).get("/api/users").status());
        assertEquals(200, management.get("/q/health/live").status());
    }
}

package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A new release brings a pending V90 that renames {@code admin} to {@code ADMIN}: the gate refuses it on
 * the planned schema, before Flyway runs, and the database keeps its migrations and lowercase labels.
 */
@QuarkusTest
@TestProfile(GateScenarios.PendingUpperCaseEnum.class)
class PendingUpperCaseEnumRefusedTest extends GateScenarioTest {

    @Test
    void pendingUpperCaseRenameIsRefusedBeforeMigrationAndNotApplied() throws IOException {
        Http management = Http.at(managementUrl);
        Reply report = management.awaitGate("failed");

        assertEquals("pre-migration", report.json().getString("phase"), report.toString());
        List<Map<String, Object>> mismatches = report.json().getList("findings.findAll { it.code == 'ENUM_CASE_MISMATCH' }");
        assertEquals(1, mismatches.size(), report.toString());
        Map<String, Object> mismatch = mismatches.get(0);
        assertEquals("userrole", mismatch.get("object"), report.toString());
        assertEquals("ERROR", mismatch.get("severity"), report.toString());
        assertEquals("pre-migration", mismatch.get("stage"), report.toString());
        String message = (String) mismatch.get("message");
        assertTrue(message.contains("V90__role_names_upper_case.sql") && message.contains("line 3"),
                "the message must name the script and the line: " + message);

        assertEquals(DatabaseFacts.shippedVersions(), new TreeSet<>(AdminSql.appliedVersions(database)));
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));

        Reply api = Http.at(apiUrl).get("/api/users");
        assertEquals(503, api.status(), api.toString());
        assertEquals("pre-migration", api.json().getString("phase"), api.toString());
        Reply ready = management.get("/q/health/ready");
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.checkStatus("gate-enums"), ready.toString());
        assertTrue(ready.codes("gate-enums").contains("ENUM_CASE_MISMATCH"), ready.toString());
        Reply live = management.get("/q/health/live");
        assertEquals(200, live.status(), live.toString());
    }
}

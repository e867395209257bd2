package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's own bug on an empty database: the only migration creates {@code userrole} from the Java
 * constant names. The gate refuses it on the planned schema, so Flyway never creates a table.
 */
@QuarkusTest
@TestProfile(GateScenarios.SeedBug.class)
class SeedBugRefusedFromEmptyDatabaseTest extends GateScenarioTest {

    @Test
    void upperCaseSeedMigrationIsRefusedBeforeAnyTableExists() {
        Http management = Http.at(managementUrl);
        Reply report = management.awaitGate("failed");

        assertEquals("pre-migration", report.json().getString("phase"), report.toString());
        List<Map<String, Object>> mismatches = report.json().getList("findings.findAll { it.code == 'ENUM_CASE_MISMATCH' }");
        assertEquals(1, mismatches.size(), report.toString());
        assertEquals("userrole", mismatches.get(0).get("object"), report.toString());
        String message = (String) mismatches.get(0).get("message");
        assertTrue(message.contains("V1__iam_schema.sql") && message.contains("line 4"),
                "the message must name the script and the line of CREATE TYPE: " + message);

        assertEquals(List.of(), AdminSql.publicTables(database), "Flyway must not have created anything");
        assertEquals(List.of(), AdminSql.enumLabels(database, "userrole"));

        Reply api = Http.at(apiUrl).get("/api/users");
        assertEquals(503, api.status(), api.toString());
        Reply ready = management.get("/q/health/ready");
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.checkStatus("gate-enums"), ready.toString());
        assertEquals(200, management.get("/q/health/live").status());
    }
}

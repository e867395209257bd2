package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The start-up gate with a release the static planner misjudges: V100 (a DO block the planner cannot read,
 * shown as a warning with its line) is verified harmless and commits; V101 writes {@code pg_enum} directly,
 * which the planner takes for data, and is rolled back before commit by the verifier. The report names the
 * script with MIGRATION_REJECTED and carries the underlying ENUM_CASE_MISMATCH, which the enums check shows.
 */
@QuarkusTest
@TestProfile(GateScenarios.PendingCatalogWrite.class)
class PendingMigrationRejectedBeforeCommitTest extends GateScenarioTest {

    @Test
    void catalogWriteIsRejectedInsideItsTransactionAndTheReportSaysWhy() {
        Http management = Http.at(managementUrl);
        Reply report = management.awaitGate("failed");

        assertEquals("migrate", report.json().getString("phase"), report.toString());
        Map<String, Object> rejected = only(report, "MIGRATION_REJECTED");
        assertEquals("V101 V101__relabel_admin_in_catalog.sql", rejected.get("object"), report.toString());
        assertEquals("ERROR", rejected.get("severity"), report.toString());
        assertTrue(((String) rejected.get("actual")).contains("ENUM_CASE_MISMATCH userrole"), report.toString());
        Map<String, Object> mismatch = only(report, "ENUM_CASE_MISMATCH");
        assertEquals("userrole", mismatch.get("object"), report.toString());
        assertTrue(((String) mismatch.get("message")).contains("V101__relabel_admin_in_catalog.sql"), report.toString());
        Map<String, Object> unread = only(report, "MIGRATION_NOT_ANALYSED");
        assertEquals("WARNING", unread.get("severity"), report.toString());
        assertEquals("V100__comment_role_type_in_do_block.sql line 2", unread.get("object"), report.toString());

        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.appliedVersions(database),
                "V100 verified and committed, V101 not");
        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.column(database,
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"),
                "no failed V101 row");
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));

        Reply ready = management.get("/q/health/ready");
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.checkStatus("gate-enums"), ready.toString());
        assertTrue(ready.codes("gate-enums").contains("ENUM_CASE_MISMATCH"), ready.toString());
        assertTrue(ready.codes("gate-migrations").contains("MIGRATION_REJECTED"), ready.toString());
        assertEquals(503, Http.at(apiUrl).get("/api/users").status());
    }

    private static Map<String, Object> only(Reply report, String code) {
        List<Map<String, Object>> found = report.json().getList("findings.findAll { it.code == '" + code + "' }");
        assertEquals(1, found.size(), code + " in " + report);
        return found.get(0);
    }
}

package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.CatalogState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gate.mode=rehearse} on a database at V1 with a release whose V101 writes {@code pg_enum}: the
 * rehearsal is refused with the verifier's finding and rolls back, harmless V100 included.
 */
@QuarkusTest
@TestProfile(GateScenarios.RehearseUnsafe.class)
class RehearseUnsafeReleaseTest extends GateScenarioTest {

    @Inject
    GateState state;

    @Inject
    GatePipeline pipeline;

    @Test
    void unsafeReleaseIsRefusedAndLeavesTheDatabaseUnchanged() {
        GateReport atStartUp = state.report();
        assertFalse(atStartUp.passed(), atStartUp.toString());
        assertEquals(List.of("1"), AdminSql.appliedVersions(database), "the start-up rehearsal must have rolled back");
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));

        CatalogState before = CatalogState.of(database);
        GateReport again = pipeline.rehearse();

        assertFalse(again.passed(), again.toString());
        assertEquals("rehearse", again.phase(), again.toString());
        Finding rejected = again.findings().stream().filter(f -> f.code() == FindingCode.MIGRATION_REJECTED)
                .findFirst().orElseThrow(() -> new AssertionError("no MIGRATION_REJECTED in " + again));
        assertEquals("V101 V101__relabel_admin_in_catalog.sql", rejected.object());
        assertTrue(again.findings().stream().anyMatch(f -> f.code() == FindingCode.MIGRATION_NOT_ANALYSED),
                "the planner's blind spot is in the rehearsal report: " + again);
        assertEquals(before, CatalogState.of(database));
    }
}

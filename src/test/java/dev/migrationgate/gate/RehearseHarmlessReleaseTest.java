package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.CatalogState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gate.mode=rehearse} on an empty database whose release (V1) is sound: extensions, V1 and its history
 * row are applied in one transaction, every check passes, and everything is rolled back.
 */
@QuarkusTest
@TestProfile(GateScenarios.RehearseHarmless.class)
class RehearseHarmlessReleaseTest extends GateScenarioTest {

    @Inject
    GateState state;

    @Inject
    GatePipeline pipeline;

    @Test
    void harmlessReleasePassesAndLeavesTheDatabaseUnchanged() {
        GateReport atStartUp = state.report();
        assertTrue(atStartUp.passed(), atStartUp.toString());
        assertEquals(List.of(), AdminSql.publicTables(database), "the start-up rehearsal must have rolled back");
        assertEquals(List.of("plpgsql"), AdminSql.extensions(database), "extensions are rolled back too");

        CatalogState before = CatalogState.of(database);
        GateReport again = pipeline.rehearse();

        assertTrue(again.passed(), again.toString());
        assertEquals("rehearse", again.phase(), again.toString());
        assertTrue(again.durationsMillis().containsKey("rehearse"), again.durationsMillis().toString());
        List<String> errors = again.errors().stream().map(Finding::code).map(Enum::name).toList();
        assertEquals(List.of(), errors, "V1 and its history row were rehearsed: nothing pending, nothing missing");
        assertEquals(before, CatalogState.of(database));
    }
}

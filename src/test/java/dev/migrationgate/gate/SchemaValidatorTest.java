package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.GateFailedException;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.GateAwait;
import dev.migrationgate.testdb.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's plain Java API on the application's migrated database. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SchemaValidatorTest {

    @Inject
    GateState gate;

    @Inject
    SchemaValidator validator;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void gatePassed() throws InterruptedException {
        GateAwait.passed(gate);
    }

    @Test
    void validatePassesOnTheMigratedDatabaseAndTimesInspectionAndChecks() {
        GateReport report = validator.validate(Stage.RUNTIME);
        assertTrue(report.passed(), report.toString());
        assertTrue(report.durationsMillis().containsKey("inspect"), report.durationsMillis().toString());
        assertTrue(report.durationsMillis().containsKey("validate-runtime"), report.durationsMillis().toString());
        assertTrue(report.findings().stream().allMatch(f -> f.stage() == Stage.RUNTIME), report.toString());
    }

    @Test
    void enforceThrowsTheReportWhenLabelsAreUpperCased() throws SQLException {
        execute("ALTER TYPE userrole RENAME VALUE 'admin' TO 'ADMIN'");
        try {
            GateFailedException failure = assertThrows(GateFailedException.class, () -> validator.enforce(Stage.RUNTIME));
            assertEquals(FindingCode.ENUM_CASE_MISMATCH, failure.blocking().get(0).code());
            assertEquals("ALTER TYPE \"public\".\"userrole\" RENAME VALUE 'ADMIN' TO 'admin';",
                    failure.blocking().get(0).fix());
        } finally {
            execute("ALTER TYPE userrole RENAME VALUE 'ADMIN' TO 'admin'");
        }
        assertTrue(validator.enforce(Stage.RUNTIME).passed());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

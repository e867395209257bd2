package dev.migrationgate.inspect;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.testdb.GateAwait;
import org.junit.jupiter.api.BeforeEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.testdb.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Both inspectors as the application injects them, on its own migrated database. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CatalogInspectorsTest {

    @Inject
    GateState gate;

    @BeforeEach
    void gatePassed() throws InterruptedException {
        GateAwait.passed(gate);
    }

    private static final List<String> TABLES = List.of("users", "audit_logs", "user_agent_permissions");

    @Inject
    JdbcCatalogInspector jdbc;

    @Inject
    ReactiveCatalogInspector reactive;

    @ConfigProperty(name = "migration-gate.test.database")
    String database;

    /**
     * Under Quarkus, Flyway names a script by its path below the classpath root, as its history table does. The
     * gate read the history at start-up, so the inspector fingerprints the table with the catalog queries.
     */
    @Test
    void jdbcInspectorReadsTheApplicationDatabaseAndFlywayHistory() throws IOException {
        InspectionResult result = jdbc.inspect(TABLES);
        CatalogSnapshot snapshot = result.snapshot();

        assertEquals(4, result.catalogQueries());
        assertTrue(snapshot.enumTypes().contains(new PgEnumType("public", "userrole", List.of("sysadmin", "admin", "user"))),
                snapshot.enumTypes().toString());
        assertTrue(snapshot.columns().contains(new PgColumn("public", "users", "role", "userrole", "public", "userrole",
                true)), snapshot.columns().toString());
        assertTrue(snapshot.extensions().stream().anyMatch(e -> e.name().equals("uuid-ossp") && e.installed()),
                snapshot.extensions().toString());
        assertEquals(new Migration("1", "iam schema", "db/migration/V1__iam_schema.sql", "SUCCESS",
                snapshot.migrations().migrations().get(0).checksum(), true, 1), snapshot.migrations().migrations().get(0));
        assertEquals(DatabaseFacts.shippedVersions(), snapshot.migrations().migrations().stream()
                .filter(m -> m.state().equals("SUCCESS")).map(Migration::version).collect(Collectors.toSet()));
        assertEquals(List.of(), snapshot.migrations().validationErrors());
    }

    /** Both inspectors share one history reader, so the reactive one fingerprints the table the gate read too. */
    @Test
    void reactiveInspectorReadsTheSameCatalogAsTheJdbcOne() {
        CatalogSnapshot fromJdbc = jdbc.snapshot(TABLES);
        InspectionResult result = reactive.inspect(TABLES).await().atMost(Duration.ofSeconds(30));
        CatalogSnapshot fromReactive = result.snapshot();

        assertEquals(4, result.catalogQueries());
        assertEquals(fromJdbc.enumTypes(), fromReactive.enumTypes());
        assertEquals(fromJdbc.columns(), fromReactive.columns());
        assertEquals(fromJdbc.extensions(), fromReactive.extensions());
        assertEquals(fromJdbc.migrations(), fromReactive.migrations());
        assertEquals(fromJdbc.settings().searchPath(), fromReactive.settings().searchPath());
        assertEquals(fromJdbc.settings().currentUser(), fromReactive.settings().currentUser());
    }
}

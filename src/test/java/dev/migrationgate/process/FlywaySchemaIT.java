package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged application with Flyway managing schema {@code iam} ({@code quarkus.flyway.schemas} and
 * {@code default-schema}): the unqualified V1 lands in {@code iam}, the pre-migration planner follows
 * Flyway's migration search path, and the application's sessions (JDBC and reactive) resolve the
 * unqualified entity tables there; the gate passes and readiness stays UP.
 */
class FlywaySchemaIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    @Test
    void migratesIntoFlywaysSchemaAndValidatesThere() throws Exception {
        Map<String, String> properties = Map.of(
                "quarkus.flyway.schemas", "iam",
                "quarkus.flyway.default-schema", "iam",
                "quarkus.datasource.jdbc.url", server.jdbcUrl(empty.name()) + "?currentSchema=iam,public",
                "quarkus.datasource.reactive.url", server.reactiveUrl(empty.name()) + "?search_path=iam\\,public");
        try (AppProcess app = AppProcess.start(empty.name(), properties)) {
            app.awaitManagement("/q/health/ready", r -> r.status() == 200, DEADLINE);
            assertEquals(List.of("audit_logs", "flyway_schema_history", "user_agent_permissions", "users"),
                    AdminSql.column(empty.name(), "SELECT tablename FROM pg_tables WHERE schemaname = 'iam'"
                            + " ORDER BY tablename"));
            assertEquals(List.of("iam.auditaction", "iam.userrole"), AdminSql.column(empty.name(),
                    "SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                            + " WHERE t.typtype = 'e' ORDER BY 1"));
            assertEquals(List.of(), AdminSql.publicTables(empty.name()), "nothing in public");
            app.assertHolds("/q/health/ready", r -> r.status() == 200, Duration.ofSeconds(2));
            String report = app.management("/q/gate").body();
            assertTrue(!report.contains("\"severity\":\"ERROR\""), report);
        }
    }
}

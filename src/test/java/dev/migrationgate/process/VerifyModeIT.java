package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gate.mode=verify}, the mode of the long-running pods: it never runs DDL. With a role that has only
 * DML rights it waits, DOWN with {@code MIGRATION_PENDING}, until the migration Job (the same jar in
 * migrate mode, run once with the migrator's credentials) applied the scripts, then becomes ready without
 * a restart. Even with a superuser it never creates a missing extension.
 */
class VerifyModeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();
    private String role;

    @AfterEach
    void dropRole() {
        if (role != null) {
            AdminSql.execute(empty.name(), "DROP OWNED BY " + role);
            server.admin("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void aDmlOnlyRoleWaitsDownUntilTheJobMigratedThenBecomesReadyWithoutRestart() throws Exception {
        role = "mg_dml_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = "pw-" + UUID.randomUUID();
        server.admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        AdminSql.execute(empty.name(), "REVOKE TEMPORARY ON DATABASE " + empty.name() + " FROM PUBLIC;"
                + " GRANT USAGE ON SCHEMA public TO " + role + ";"
                + " ALTER DEFAULT PRIVILEGES FOR ROLE " + server.user() + " IN SCHEMA public"
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + role);
        assertCannot("CREATE TABLE probe (id integer)", password);
        assertCannot("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", password);

        Map<String, String> app = Map.of("gate.mode", "verify",
                "quarkus.datasource.username", role, "quarkus.datasource.password", password);
        try (AppProcess pod = AppProcess.start(empty.name(), app)) {
            AppProcess.Response waiting = pod.awaitManagement("/q/gate", r -> GateReportAnswer.of(r).findings().stream()
                    .anyMatch(f -> f.startsWith("MIGRATION_PENDING V1 ") && f.endsWith("V1__iam_schema.sql")), DEADLINE);
            assertEquals("await-migrations", GateReportAnswer.of(waiting).phase(), waiting.toString());
            pod.assertHolds("/q/health/ready", r -> r.status() == 503
                    && Health.of(r).data("gate-migrations", "codes").orElse("").contains("MIGRATION_PENDING"),
                    Duration.ofSeconds(3));
            assertEquals(List.of(), AdminSql.publicTables(empty.name()), "verify mode created nothing");
            assertEquals(List.of("plpgsql"), AdminSql.extensions(empty.name()), "verify mode created no extension");

            try (AppProcess job = AppProcess.start(empty.name(), Map.of(), Map.of("QUARKUS_INIT_AND_EXIT", "true"))) {
                assertEquals(0, job.awaitExit(DEADLINE), job.output());
            }

            pod.awaitManagement("/q/health/ready", r -> r.status() == 200, DEADLINE);
            assertTrue(pod.isAlive(), "ready without a restart");
            assertEquals("passed", GateReportAnswer.of(pod.management("/q/gate")).status());
            assertFalse(pod.output().contains("permission denied"), "the pod never tried what its role may not do:\n"
                    + pod.output());
        }
    }

    @Test
    void aMissingExtensionIsReportedWithTheStatementAndNeverCreated() throws Exception {
        AdminSql.execute(empty.name(), "CREATE EXTENSION \"uuid-ossp\"");
        Flyway.configure().dataSource(server.jdbcUrl(empty.name()), server.user(), server.password())
                .locations("classpath:db/migration").load().migrate();

        try (AppProcess pod = AppProcess.start(empty.name(), Map.of("gate.mode", "verify"))) {
            AppProcess.Response failed = pod.awaitManagement("/q/gate",
                    r -> GateReportAnswer.hasStatus(r, "failed"), DEADLINE);
            JsonNode missing = StreamSupport.stream(JSON.readTree(failed.body()).path("findings").spliterator(), false)
                    .filter(f -> "EXTENSION_MISSING".equals(f.path("code").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no EXTENSION_MISSING in " + failed));
            assertEquals("pgcrypto", missing.path("object").asText(), failed.toString());
            assertTrue(missing.path("fix").asText().contains("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\""),
                    missing.toString());
            assertEquals(503, pod.management("/q/health/ready").status());
            assertEquals(List.of("plpgsql", "uuid-ossp"), AdminSql.extensions(empty.name()),
                    "verify mode never creates an extension, even as a superuser");
        }
    }

    private void assertCannot(String ddl, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(empty.name()), role, password);
                    Statement s = c.createStatement()) {
                s.execute(ddl);
            }
        }, "the application role must not be able to run " + ddl);
        assertEquals("42501", refused.getSQLState(), ddl + ": " + refused.getMessage());
    }
}

package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.FaultProxy;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The datasource password reaches the process three ways (the password property, {@code password=} in
 * the JDBC URL, {@code user:password@} in the reactive URL) and must leave it by none: not in the output,
 * the health checks or the report, whether the gate fails, passes or cannot reach the database.
 */
class NoCredentialsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> EXPOSED = List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/gate");

    private final TestPostgres server = TestPostgres.server();
    private final String secret = "an-unmistakable-secret-" + UUID.randomUUID();
    private final String role = "mg_test_role_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private String database;

    @BeforeEach
    void createDatabaseOwnedByRoleWithPassword() {
        server.admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + secret + "'");
        database = server.createDatabase();
        server.admin("ALTER DATABASE " + database + " OWNER TO " + role);
    }

    @AfterEach
    void dropDatabaseAndRole() {
        server.dropDatabase(database);
        server.admin("DROP ROLE IF EXISTS " + role);
    }

    @Test
    void failedGateShowsNoCredentials() throws Exception {
        Map<String, String> properties = credentials(server.host(), server.port());
        properties.put("gate.extensions.required", "uuid-ossp,pgcrypto,vector");
        try (AppProcess app = AppProcess.start(database, properties)) {
            app.awaitManagement("/q/gate", answer -> GateReportAnswer.hasStatus(answer, "failed"), DEADLINE);
            assertNoCredentials(app);
        }
    }

    @Test
    void passedGateShowsNoCredentials() throws Exception {
        try (AppProcess app = AppProcess.start(database, credentials(server.host(), server.port()))) {
            app.awaitManagement("/q/health/ready", answer -> answer.status() == 200, DEADLINE);
            assertNoCredentials(app);
            assertTrue(app.output().contains("/" + database + "?password=*"),
                    "the JDBC URL with its password is logged (by Flyway), masked; a logger that did not mask it"
                            + " would have failed the check above:\n" + app.output());
        }
    }

    @Test
    void unreachableDatabaseShowsNoCredentials() throws Exception {
        try (FaultProxy closed = new FaultProxy(server.host(), server.port())) {
            Map<String, String> properties = credentials("127.0.0.1", closed.port());
            properties.put("gate.connect-timeout", "2s");
            try (AppProcess app = AppProcess.start(database, properties)) {
                AppProcess.Response report = app.awaitManagement("/q/gate",
                        answer -> GateReportAnswer.hasStatus(answer, "failed"), DEADLINE);
                assertTrue(GateReportAnswer.of(report).findings().contains("DATABASE_UNREACHABLE database"),
                        report.toString());
                assertNoCredentials(app);
            }
        }
    }

    /** The role's password as property, JDBC URL parameter and reactive URL user info, on {@code host:port}. */
    private Map<String, String> credentials(String host, int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.username", role);
        properties.put("quarkus.datasource.password", secret);
        properties.put("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + host + ":" + port + "/" + database + "?password=" + secret);
        properties.put("quarkus.datasource.reactive.url",
                "postgresql://" + role + ":" + secret + "@" + host + ":" + port + "/" + database);
        return properties;
    }

    private void assertNoCredentials(AppProcess app) {
        for (String path : EXPOSED) {
            AppProcess.Response answer = app.management(path);
            assertFalse(answer.status() < 0, path + " did not answer: " + answer);
            assertClean(path, answer.body());
        }
        assertClean("the process output", app.output());
    }

    private void assertClean(String where, String text) {
        assertFalse(text.contains(secret), where + " shows the password:\n" + text);
        assertFalse(text.contains(role + ":" + secret + "@"), where + " shows user:password@:\n" + text);
    }
}

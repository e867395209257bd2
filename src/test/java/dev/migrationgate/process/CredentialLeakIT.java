package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.FaultProxy;
import dev.migrationgate.testdb.FaultProxy.Mode;
import dev.migrationgate.testdb.TestPostgres;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The leak matrix: a password holding {@code @ / ? : % '} and a space, given as a property, as a JDBC
 * {@code password=} parameter and as reactive user-info, in URLs with and without a database path; failing
 * at start-up and after READY; ambiguous URLs refused. The password (raw or percent-encoded) appears in no
 * probe, no {@code /q/gate} and no line of the log.
 */
class CredentialLeakIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final List<String> EXPOSED = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/health/started", "/q/gate");

    private final TestPostgres server = TestPostgres.server();
    private final String secret = "p@ss/w?rd:100%' x-" + UUID.randomUUID().toString().substring(0, 8);
    private final String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20");
    private final String role = "mg_leak_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private String database;

    @BeforeEach
    void createDatabaseOwnedByRoleWithAwkwardPassword() {
        server.admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + secret.replace("'", "''") + "'");
        database = server.createDatabase();
        server.admin("ALTER DATABASE " + database + " OWNER TO " + role);
    }

    @AfterEach
    void dropDatabaseAndRole() {
        server.dropDatabase(database);
        server.admin("DROP ROLE IF EXISTS " + role);
    }

    @Test
    void failureAfterReadyShowsNoCredentials() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.host(), server.port())) {
            proxy.mode(Mode.FORWARD);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.datasource.username", role);
            properties.put("quarkus.datasource.password", secret);
            properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database
                    + "?password=" + encoded + "&sslpassword=" + encoded);
            properties.put("quarkus.datasource.reactive.url", "postgresql://" + role + ":" + encoded + "@127.0.0.1:"
                    + proxy.port() + "/" + database);
            properties.put("gate.cache-ttl", "1s");
            try (AppProcess app = AppProcess.start(database, properties)) {
                app.awaitManagement("/q/health/ready", answer -> answer.status() == 200, DEADLINE);
                assertNoCredentials(app);

                proxy.mode(Mode.REFUSE);
                app.awaitManagement("/q/health/ready", answer -> answer.status() == 503, DEADLINE);
                assertNoCredentials(app);
            }
        }
    }

    @Test
    void startUpFailureWithAReactiveUrlWithoutDatabasePathShowsNoCredentials() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.username", role);
        properties.put("quarkus.datasource.password", secret);
        properties.put("quarkus.datasource.reactive.url", "postgresql://" + role + ":" + encoded + "@" + server.host()
                + ":" + server.port());
        properties.put("gate.extensions.required", "uuid-ossp,pgcrypto,vector");
        try (AppProcess app = AppProcess.start(database, properties)) {
            app.awaitManagement("/q/gate", answer -> GateReportAnswer.hasStatus(answer, "failed"), DEADLINE);
            assertNoCredentials(app);
        }
    }

    @Test
    void rawAwkwardPasswordInTheReactiveUrlIsRefusedAtStartUpNamingTheKey() throws Exception {
        assertRefused("quarkus.datasource.reactive.url",
                "postgresql://" + role + ":" + secret + "@" + server.host() + ":" + server.port() + "/" + database);
    }

    @Test
    void userInfoInTheJdbcUrlIsRefusedAtStartUpNamingTheKey() throws Exception {
        assertRefused("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + role + ":" + encoded + "@" + server.host() + ":" + server.port() + "/" + database);
    }

    private void assertRefused(String key, String url) throws Exception {
        try (AppProcess app = AppProcess.start(database, Map.of(key, url))) {
            int exit = app.awaitExit(DEADLINE);
            String output = app.output();
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("migration-gate cannot start: " + key), output);
            assertClean("the output", output);
        }
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
        assertFalse(text.contains(encoded), where + " shows the percent-encoded password:\n" + text);
        assertFalse(text.contains(role + ":"), where + " shows user-info:\n" + text);
        assertEquals(-1, text.indexOf("p@ss/w?rd"), where + " shows part of the password:\n" + text);
    }
}

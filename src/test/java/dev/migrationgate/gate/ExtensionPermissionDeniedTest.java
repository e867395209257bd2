package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The application's role may create tables but not extensions: the gate stops in phase {@code extensions}
 * with the exact statement a superuser must run; once one has, a recheck passes the gate without a restart.
 */
@QuarkusTest
@TestProfile(GateScenarios.NoExtensionPermission.class)
class ExtensionPermissionDeniedTest extends GateScenarioTest {

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.username")
    String role;

    @Test
    void deniedExtensionNamesTheFixAndRecheckPassesOnceASuperuserRanIt() throws IOException {
        assertEquals(List.of("f", "t", "f"), AdminSql.column(database, "SELECT has_database_privilege('" + role
                + "', current_database(), 'CREATE')::text UNION ALL SELECT has_schema_privilege('" + role
                + "', 'public', 'CREATE')::text UNION ALL SELECT rolsuper::text FROM pg_roles WHERE rolname = '" + role
                + "'").stream().map(v -> v.substring(0, 1)).toList(), "premise: tables yes, extensions no, no superuser");
        Http management = Http.at(managementUrl);
        Reply report = management.awaitGate("failed");

        assertEquals("extensions", report.json().getString("phase"), report.toString());
        List<Map<String, Object>> denied = report.json()
                .getList("findings.findAll { it.code == 'EXTENSION_PERMISSION_DENIED' }");
        assertEquals(List.of("pgcrypto", "uuid-ossp"), denied.stream().map(f -> f.get("object")).sorted().toList(),
                report.toString());
        for (Map<String, Object> finding : denied) {
            assertEquals("CREATE EXTENSION IF NOT EXISTS \"" + finding.get("object") + "\";", finding.get("fix"),
                    report.toString());
            assertEquals("ERROR", finding.get("severity"), report.toString());
            assertTrue(((String) finding.get("message")).contains(database), "the message must name the database: "
                    + finding.get("message"));
        }
        report.assertNoCredentials(password);
        assertEquals(List.of(), AdminSql.publicTables(database), "Flyway must not have run");
        Reply ready = management.get("/q/health/ready").assertNoCredentials(password);
        assertEquals(503, ready.status(), ready.toString());
        assertTrue(ready.codes("gate-extensions").contains("EXTENSION_PERMISSION_DENIED"), ready.toString());
        assertEquals(503, Http.at(apiUrl).get("/api/users").status());

        denied.forEach(finding -> AdminSql.execute(database, (String) finding.get("fix")));
        Reply recheck = management.post("/q/gate/recheck");
        assertEquals(202, recheck.status(), recheck.toString());

        Reply passed = management.awaitGate("passed");
        assertEquals("ready", passed.json().getString("phase"), passed.toString());
        assertEquals(List.of("pgcrypto", "plpgsql", "uuid-ossp"), AdminSql.extensions(database));
        assertEquals(DatabaseFacts.shippedVersions(), new TreeSet<>(AdminSql.appliedVersions(database)));
        Reply readyAfter = Poll.until("readiness UP", Duration.ofSeconds(10), () -> management.get("/q/health/ready"),
                r -> r.status() == 200);
        assertEquals("UP", readyAfter.checkStatus("gate-extensions"), readyAfter.toString());
        Reply api = Http.at(apiUrl).get("/api/users");
        assertEquals(401, api.status(), "past the gate, the API asks for credentials: " + api);
    }
}

package dev.migrationgate.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateScenarios;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metric names of the public contract, scraped from the running application's management
 * interface: present with the values the gate's state implies, bounded label values, and a blocking
 * drift that shows as a finding series and readiness 0 until it is repaired.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class GateMetricsTest {

    static final Duration DETECTION = Duration.ofSeconds(10);
    static final Map<String, String> CASE_MISMATCH = Map.of("code", "ENUM_CASE_MISMATCH", "severity", "error",
            "concern", "enums");

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @TestHTTPResource("/")
    URL publicUrl;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    Http management;

    @BeforeEach
    void ready() {
        management = Http.at(managementUrl);
        management.awaitGate("passed");
    }

    @Test
    void metricsAreServedOnTheManagementInterfaceOnly() {
        Reply scrape = management.get("/q/metrics");
        assertEquals(200, scrape.status(), scrape.toString());
        assertTrue(scrape.body().contains("migration_gate_ready"), scrape.body());
        assertEquals(404, Http.at(publicUrl).get("/q/metrics").status());
    }

    @Test
    void contractNamesDescribeAPassedGate() {
        Scrape scrape = Poll.until("a passed re-validation in the metrics", DETECTION, this::probeAndScrape,
                s -> s.value("migration_gate_ready").orElse(-1) == 1
                        && s.value("migration_gate_validations_total", Map.of("outcome", "passed")).orElse(0) > 0);
        assertEquals(1, scrape.value("migration_gate_phase", Map.of("phase", "ready")).orElseThrow(), scrape.toString());
        assertEquals(0, scrape.value("migration_gate_phase", Map.of("phase", "migrate")).orElseThrow(), scrape.toString());
        for (String phase : List.of("connect", "extensions", "pre-migration", "migrate", "post-migration")) {
            double seconds = scrape.value("migration_gate_phase_duration_seconds", Map.of("phase", phase))
                    .orElseThrow(() -> new AssertionError("no duration for phase " + phase + ": " + scrape));
            assertTrue(seconds >= 0 && seconds < 120, phase + " took " + seconds + " s");
        }
        for (String outcome : List.of("passed", "failed", "error", "timeout")) {
            assertTrue(scrape.value("migration_gate_validations_total", Map.of("outcome", outcome)).isPresent(),
                    "outcome " + outcome + " is exported from the start: " + scrape);
        }
        assertTrue(scrape.value("migration_gate_validation_duration_seconds_count").orElse(0) > 0, scrape.toString());
        assertTrue(scrape.value("migration_gate_validation_duration_seconds_sum").orElse(-1) > 0, scrape.toString());
        assertTrue(scrape.value("migration_gate_validation_duration_seconds_bucket", Map.of("le", "0.01"))
                .isPresent(), "latency buckets for histogram_quantile: " + scrape);
        assertTrue(scrape.series("migration_gate_findings").stream().noneMatch(s -> "error".equals(s.labels().get("severity"))),
                "no error finding on a passed gate: " + scrape);
    }

    @Test
    void blockingDriftShowsAsAFindingSeriesUntilRepaired() {
        double failedBefore = probeAndScrape().value("migration_gate_validations_total", Map.of("outcome", "failed"))
                .orElseThrow();
        AdminSql.execute(database, "ALTER TYPE userrole RENAME VALUE 'admin' TO 'ADMIN'");
        try {
            Scrape drifted = Poll.until("ENUM_CASE_MISMATCH in the metrics", DETECTION, this::probeAndScrape,
                    s -> s.value("migration_gate_findings", CASE_MISMATCH).orElse(0) == 1);
            assertEquals(0, drifted.value("migration_gate_ready").orElseThrow(), drifted.toString());
            assertTrue(drifted.value("migration_gate_validations_total", Map.of("outcome", "failed")).orElseThrow()
                    > failedBefore, drifted.toString());
            assertBoundedLabels(drifted);
        } finally {
            AdminSql.execute(database, "ALTER TYPE userrole RENAME VALUE 'ADMIN' TO 'admin'");
        }
        Scrape repaired = Poll.until("the finding series to clear", DETECTION, this::probeAndScrape,
                s -> s.value("migration_gate_findings", CASE_MISMATCH).orElse(0) == 0
                        && s.value("migration_gate_ready").orElse(0) == 1);
        assertTrue(repaired.series("migration_gate_findings").stream()
                .noneMatch(s -> s.labels().get("code").equals("ENUM_CASE_MISMATCH")),
                "a cleared finding's series disappears: " + repaired);
    }

    /** Every findings series has exactly the contract's labels, each a code or a name, never a message. */
    private void assertBoundedLabels(Scrape scrape) {
        Pattern code = Pattern.compile("[A-Z_]+");
        Set<String> severities = Set.of("error", "warning");
        Set<String> concerns = Set.of("extensions", "enums", "timestamps", "migrations", "infrastructure");
        assertFalse(scrape.series("migration_gate_findings").isEmpty(), scrape.toString());
        for (Scrape.Sample sample : scrape.series("migration_gate_findings")) {
            assertEquals(Set.of("code", "severity", "concern"), sample.labels().keySet(), sample.toString());
            assertTrue(code.matcher(sample.labels().get("code")).matches(), sample.toString());
            assertTrue(severities.contains(sample.labels().get("severity")), sample.toString());
            assertTrue(concerns.contains(sample.labels().get("concern")), sample.toString());
        }
        assertFalse(password.isEmpty());
        assertFalse(scrape.text().contains(password), "the scrape shows no credential");
    }

    /** One readiness probe (which re-validates once the TTL passed), then a scrape. */
    private Scrape probeAndScrape() {
        management.get("/q/health/ready");
        Reply reply = management.get("/q/metrics");
        assertEquals(200, reply.status(), reply.toString());
        return Scrape.parse(reply.body());
    }
}

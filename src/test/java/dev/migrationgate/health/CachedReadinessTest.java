package dev.migrationgate.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateScenarios;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness probes between two changes of the gate get SmallRye Health's own answer from the cache, byte for
 * byte with its headers; a change is never answered from the cache; and a readiness check that is not the
 * gate's keeps every probe with SmallRye Health.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class CachedReadinessTest {

    static final Duration DETECTION = Duration.ofSeconds(10);
    static final int PROBES = 50;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    SmallRyeHealthReporter reporter;

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @BeforeEach
    void ready() {
        Http.at(managementUrl).awaitGate("passed");
        Poll.until("readiness UP", DETECTION, this::probe, r -> r.statusCode() == 200);
    }

    @Test
    void probesBetweenChangesGetSmallRyeHealthsOwnAnswerFromTheCache() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        reporter.reportHealth(expected, reporter.getReadiness());
        double cachedBefore = answers("cache");
        double checkedBefore = answers("checks");

        for (int i = 0; i < PROBES; i++) {
            HttpResponse<String> probe = probe();
            assertEquals(200, probe.statusCode(), probe.body());
            assertEquals(expected.toString(StandardCharsets.UTF_8), probe.body());
            assertEquals("application/json; charset=UTF-8", probe.headers().firstValue("Content-Type").orElse(null));
            assertEquals("no-store", probe.headers().firstValue("Cache-Control").orElse(null));
        }

        double cached = answers("cache") - cachedBefore;
        assertEquals(PROBES, cached + answers("checks") - checkedBefore, "every probe is counted once");
        // The 200 ms TTL of this profile ends the kept answer a few times during the loop; each time one probe
        // waits for the re-validation and the next one builds the new answer.
        assertTrue(cached >= PROBES / 5, "only " + cached + " of " + PROBES + " probes came from the cache");
    }

    @Test
    void driftIsNeverAnsweredFromTheCache() {
        double cachedBefore = answers("cache");
        Poll.until("an answer from the cache", DETECTION, this::probe, r -> answers("cache") > cachedBefore);
        AdminSql.execute(database, "ALTER TYPE userrole RENAME VALUE 'admin' TO 'ADMIN'");
        try {
            Poll.until("readiness DOWN", DETECTION, this::probe, r -> r.statusCode() == 503);
            for (int i = 0; i < PROBES; i++) {
                HttpResponse<String> probe = probe();
                assertEquals(503, probe.statusCode(), "a kept UP answer outlived the drift: " + probe.body());
            }
        } finally {
            AdminSql.execute(database, "ALTER TYPE userrole RENAME VALUE 'ADMIN' TO 'admin'");
        }
        Poll.until("readiness UP again", DETECTION, this::probe, r -> r.statusCode() == 200);
    }

    @Test
    void onlyTheGatesOwnChecksAreCached() {
        var gateOnly = Json.createObjectBuilder().add("status", "UP").add("checks", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "gate").add("status", "UP"))
                .add(Json.createObjectBuilder().add("name", "gate-enums").add("status", "UP"))).build();
        var withForeign = Json.createObjectBuilder().add("status", "UP").add("checks", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "gate").add("status", "UP"))
                .add(Json.createObjectBuilder().add("name", "kafka").add("status", "UP"))).build();

        assertTrue(CachedReadiness.onlyGateChecks(gateOnly));
        assertFalse(CachedReadiness.onlyGateChecks(withForeign));
    }

    private HttpResponse<String> probe() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(managementUrl.toString()).resolve(CachedReadiness.PATH))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double answers(String from) {
        return registry.get("migration.gate.readiness.answers").tag("from", from).counter().count();
    }
}

package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.BlackHoleDatabase;
import dev.migrationgate.testdb.BlackHoleProxy;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Readiness while the network between the service and PostgreSQL silently drops everything (a
 * {@link BlackHoleProxy}), for {@code migration-gate.test.black-hole-seconds} (default 20 s; the README's
 * figure is for 60 s): every probe answers DOWN within {@code gate.check-timeout}, each abandoned
 * validation gives its connection up before another one connects, so the service opens at most one new
 * connection however long the hole lasts, and the server, counted past the proxy, never sees more of the
 * gate's backends than one. Once the network heals, readiness is UP again and the gate is back to one backend.
 */
@QuarkusTest
@TestProfile(BlackHoledReadinessTest.Profile.class)
class BlackHoledReadinessTest {

    static final Duration HOLE = Duration.ofSeconds(Long.getLong("migration-gate.test.black-hole-seconds", 20));
    static final Duration PROBE_BOUND = Duration.ofMillis(Profile.CHECK_TIMEOUT_MILLIS + 1500);
    static final Duration SAMPLE = Duration.ofMillis(250);

    /** Readiness re-validates every 200 ms and abandons a validation after 1 s. */
    public static class Profile implements QuarkusTestProfile {

        static final long CHECK_TIMEOUT_MILLIS = 1000;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gate.cache-ttl", "200ms", "gate.check-timeout", CHECK_TIMEOUT_MILLIS + "ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BlackHoleDatabase.class, Map.of(ScenarioDatabase.ROLE, "owner")));
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @BlackHoleDatabase.Proxy
    BlackHoleProxy proxy;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @Inject
    RuntimeValidation runtime;

    @Test
    void blackHoleKeepsReadinessAnsweringAndTheGatesConnectionsBounded() {
        Http management = Http.at(managementUrl);
        management.awaitGate("passed");
        Poll.until("readiness UP", Duration.ofSeconds(20), () -> management.get("/q/health/ready"),
                r -> r.status() == 200);
        int openedBefore = proxy.accepted();
        long validationsBefore = runtime.validations();

        proxy.blackHole();
        Instant end = Instant.now().plus(HOLE);
        Poll.until("readiness DOWN once the cached report expired", PROBE_BOUND.multipliedBy(2),
                () -> management.get("/q/health/ready"), r -> r.status() == 503);
        long slowest = 0;
        long mostGateBackends = 0;
        long mostBackends = 0;
        int probes = 0;
        try {
            while (Instant.now().isBefore(end)) {
                Instant sent = Instant.now();
                Reply ready = management.get("/q/health/ready");
                long took = Duration.between(sent, Instant.now()).toMillis();
                probes++;
                slowest = Math.max(slowest, took);
                assertEquals(503, ready.status(), ready.toString());
                assertTrue(ready.codes("gate").contains("DATABASE_UNREACHABLE"), ready.toString());
                mostGateBackends = Math.max(mostGateBackends, gateBackends());
                mostBackends = Math.max(mostBackends, backends());
                sleep(SAMPLE);
            }
        } finally {
            proxy.heal();
        }
        int opened = proxy.accepted() - openedBefore;
        long validations = runtime.validations() - validationsBefore;
        System.out.printf("Black hole of %d s: %d probes (slowest %d ms), %d validations started, %d connections"
                + " opened by the service, at most %d gate backends and %d backends in all on the server%n",
                HOLE.toSeconds(), probes, slowest, validations, opened, mostGateBackends, mostBackends);

        assertTrue(slowest < PROBE_BOUND.toMillis(), "the slowest probe took " + slowest + " ms");
        assertTrue(validations >= HOLE.toSeconds() / 3, "probes kept re-validating: " + validations);
        assertTrue(opened <= 1, opened + " connections opened during the hole: an abandoned validation must"
                + " release its connection before another one connects");
        assertTrue(mostGateBackends <= 1, mostGateBackends + " gate backends on the server");

        Poll.until("readiness UP once the network heals", Duration.ofSeconds(30), () -> management.get("/q/health/ready"),
                r -> r.status() == 200);
        Poll.until("one gate backend once the held connections closed", Duration.ofSeconds(30), this::gateBackends,
                count -> count == 1);
    }

    private long gateBackends() {
        return AdminSql.backends(database, GateBeans.APPLICATION_NAME);
    }

    private long backends() {
        return AdminSql.backends(database, null);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted between probes", e);
        }
    }
}

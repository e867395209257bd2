package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness after a failover that strands its connection attempt: the network drops everything while
 * readiness connects (its validation is abandoned during the login, which never completes), then connections
 * opened from then on reach the database, while the stranded sockets stay held for good, as ones to a hung
 * proxy or to the old primary. Readiness must not wait on them for ever: an attempt unanswered past
 * {@code gate.connect-timeout} (3 s here) is given up, and the next validation connects anew, however many
 * were stranded (two here: the first given up during the hole, the second by the failover).
 */
@QuarkusTest
@TestProfile(StrandedConnectionReadinessTest.Profile.class)
class StrandedConnectionReadinessTest {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** Readiness re-validates every 200 ms, abandons a validation after 1 s, and gives a connection 3 s. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gate.cache-ttl", "200ms", "gate.check-timeout", "1s",
                    "gate.connect-timeout", CONNECT_TIMEOUT.toSeconds() + "s");
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

    @Test
    void aConnectionAttemptStrandedByAFailoverIsGivenUpAndReadinessRecovers() {
        Http management = Http.at(managementUrl);
        management.awaitGate("passed");
        Poll.until("readiness UP", Duration.ofSeconds(20), () -> management.get("/q/health/ready"),
                r -> r.status() == 200);
        int before = proxy.accepted();

        proxy.blackHole();
        Poll.until("readiness DOWN", Duration.ofSeconds(10), () -> management.get("/q/health/ready"),
                r -> r.status() == 503);
        Poll.until("readiness connecting twice through the hole, the first attempt given up", Duration.ofSeconds(20),
                () -> {
                    management.get("/q/health/ready");
                    return proxy.accepted();
                }, accepted -> accepted >= before + 2);
        proxy.failOver();
        long failedOver = System.nanoTime();

        Reply ready = Poll.until("readiness UP once the stranded attempt was given up", Duration.ofSeconds(30),
                () -> management.get("/q/health/ready"), r -> r.status() == 200);
        long tookMillis = Duration.ofNanos(System.nanoTime() - failedOver).toMillis();
        System.out.printf("Stranded connection attempt: readiness UP %d ms after the failover (gate.connect-timeout"
                + " %d s)%n", tookMillis, CONNECT_TIMEOUT.toSeconds());
        assertTrue(tookMillis < CONNECT_TIMEOUT.multipliedBy(2).toMillis() + 10_000, "recovered within the second"
                + " attempt's bound and the back-off after it: " + tookMillis + " ms");
    }
}

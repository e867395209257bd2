package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateScenarios.Ready;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import dev.migrationgate.testdb.TestPostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readiness against a database that stops answering: a lock the re-validation must wait on (ACCESS
 * EXCLUSIVE on a table it reads, held by the test) makes readiness DOWN within {@code gate.check-timeout}
 * instead of hanging the probe, and concurrent probes share one validation.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class HungDatabaseReadinessTest {

    static final Duration TIMEOUT = Duration.ofMillis(Ready.CHECK_TIMEOUT_MILLIS);
    static final Duration TTL = Duration.ofMillis(Ready.CACHE_TTL_MILLIS);
    static final Duration MARGIN = Duration.ofMillis(1500);
    static final int PROBES = 20;

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @Inject
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    RuntimeValidation runtime;

    Http management;

    @BeforeEach
    void ready() {
        management = Http.at(managementUrl);
        management.awaitGate("passed");
        Poll.until("readiness UP", Duration.ofSeconds(10), () -> management.get("/q/health/ready"), r -> r.status() == 200);
    }

    /**
     * {@code pg_enum} holds up the reactive catalog query; {@code flyway_schema_history} holds up Flyway's
     * JDBC history read on a worker thread. Either way the probe answers DOWN on time.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pg_catalog.pg_enum", "public.flyway_schema_history"})
    void hungDatabaseTurnsReadinessDownWithinTheCheckTimeoutInsteadOfHangingTheProbe(String table) throws SQLException {
        try (Connection locker = lock(table)) {
            awaitCacheExpired();
            Instant start = Instant.now();
            Reply ready = management.get("/q/health/ready");
            Duration took = Duration.between(start, Instant.now());

            assertEquals(503, ready.status(), ready.toString());
            assertTrue(ready.codes("gate").contains("DATABASE_UNREACHABLE"), ready.toString());
            assertTrue(took.compareTo(TIMEOUT.plus(MARGIN)) < 0, "the probe took " + took.toMillis() + " ms");
            assertTrue(took.compareTo(TIMEOUT.minusMillis(100)) >= 0,
                    "the probe answered after " + took.toMillis() + " ms, before the timeout: not held by the lock?");
            assertFalse(waitersOn(table).isEmpty(), "the validation must be waiting on the lock on " + table);
            ready.assertNoCredentials(password);

            Instant reportStart = Instant.now();
            Reply report = management.get("/q/gate");
            Duration reportTook = Duration.between(reportStart, Instant.now());
            assertEquals(200, report.status(), report.toString());
            assertTrue(report.json().getList("findings.code").contains("DATABASE_UNREACHABLE"), report.toString());
            assertTrue(reportTook.compareTo(TIMEOUT.plus(MARGIN)) < 0, "the report took " + reportTook.toMillis() + " ms");
            Reply live = management.get("/q/health/live");
            assertEquals(200, live.status(), live.toString());
            locker.rollback();
        }
        Poll.until("readiness UP once the lock is released", Duration.ofSeconds(10),
                () -> management.get("/q/health/ready"), r -> r.status() == 200);
    }

    @Test
    void concurrentProbesOnAHungCatalogShareOneValidation() throws SQLException {
        try (Connection locker = lock("pg_catalog.pg_enum")) {
            awaitCacheExpired();
            long before = runtime.validations();
            List<Reply> replies = burst();
            long started = runtime.validations() - before;

            assertEquals(1, started, "validations started by " + PROBES + " concurrent probes");
            replies.forEach(r -> assertTrue(r.status() == 503 && r.codes("gate").contains("DATABASE_UNREACHABLE"),
                    r.toString()));
            locker.rollback();
        }
        Poll.until("readiness UP once the lock is released", Duration.ofSeconds(10),
                () -> management.get("/q/health/ready"), r -> r.status() == 200);
    }

    @Test
    void concurrentProbesOnAHealthyDatabaseValidateAtMostOncePerTtl() {
        awaitCacheExpired();
        long before = runtime.validations();
        Instant start = Instant.now();
        List<Reply> replies = burst();
        long window = Duration.between(start, Instant.now()).toMillis();
        long started = runtime.validations() - before;

        replies.forEach(r -> assertEquals(200, r.status(), r.toString()));
        assertTrue(started >= 1, "the cache had expired, so the burst had to validate");
        assertTrue(started <= 1 + window / TTL.toMillis(), started + " validations for " + PROBES
                + " concurrent probes over " + window + " ms (TTL " + TTL.toMillis() + " ms)");
    }

    private List<Reply> burst() {
        List<CompletableFuture<Reply>> pending = IntStream.range(0, PROBES)
                .mapToObj(i -> management.getAsync("/q/health/ready")).toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** An open transaction holding ACCESS EXCLUSIVE on {@code table}; the caller rolls it back or closes it. */
    private Connection lock(String table) throws SQLException {
        Connection locker = TestPostgres.server().connect(database);
        locker.setAutoCommit(false);
        try (Statement s = locker.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return locker;
    }

    /** Backends of this database waiting for a lock on {@code table}. */
    private List<String> waitersOn(String table) {
        return AdminSql.column(database, "SELECT l.pid::text FROM pg_locks l WHERE NOT l.granted"
                + " AND l.relation = '" + table + "'::regclass"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** Waits until the cached report is older than the TTL, so the next probe must validate. */
    private void awaitCacheExpired() {
        Poll.until("the cached report to expire", TTL.multipliedBy(10), () -> runtime.latest()
                .map(report -> report.checkedAt().plus(TTL).plusMillis(100)).orElse(Instant.MIN),
                expiry -> Instant.now().isAfter(expiry));
    }
}

package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two versions side by side on one database, in the rollout order of {@code deploy/README.md}. Version N is the
 * packaged application, ready on its shipped migrations. Release N+1 is rolled out as a real one is: its migration
 * Job applies its expand step (V80: an enum label N+1 maps, a nullable column, a new table), then its pods start
 * in {@code gate.mode=verify}. How N+1 differs from a real next release, because a test cannot rebuild the Java
 * code: its Job is Flyway run from the test with the shipped migrations plus V80 (Quarkus fixes the packaged jar's
 * migration locations at build time), and its pods are the packaged jar with the new label added to the mapping
 * through the test device {@code migration-gate.test.extra-mapped-labels}, so they see V80 as a newer migration (a
 * warning) rather than one of their own. While the Job runs and N+1 starts, N's readiness is sampled every 200 ms
 * and must never be DOWN. A later release's contract step (dropping a column N maps) then takes N DOWN, and N's
 * report names that migration.
 */
class FleetRolloutIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
    private static final String EXPAND = "filesystem:src/test/resources/fleet/expand";
    private static final String CONTRACT = "filesystem:src/test/resources/fleet/contract";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    @Test
    void versionNStaysReadyWhileTheNextReleaseExpandsAndGoesDownOnlyOnALaterContract() throws Exception {
        Map<String, String> versionN = Map.of("gate.cache-ttl", "200ms", "gate.check-timeout", "4s");
        Map<String, String> versionNPlus1 = Map.of("gate.mode", "verify",
                "migration-gate.test.extra-mapped-labels", "auditaction=export");
        try (AppProcess n = AppProcess.start(empty.name(), versionN)) {
            n.awaitManagement("/q/health/ready", r -> r.status() == 200, DEADLINE);

            Sampler sampler = new Sampler(n);
            Thread sampling = new Thread(sampler, "sample-version-n");
            sampling.start();
            try {
                migrate(EXPAND);
                try (AppProcess next = AppProcess.start(empty.name(), versionNPlus1)) {
                    next.awaitManagement("/q/health/ready", r -> r.status() == 200, DEADLINE);
                }
                n.awaitManagement("/q/health/ready", r -> r.status() != 200
                        || Health.of(r).data("gate-enums", "codes").orElse("").contains("ENUM_LABEL_UNMAPPED"), DEADLINE);
            } finally {
                sampler.stop();
                sampling.join();
            }
            System.out.printf("FleetRolloutIT: sampled version N's readiness for %d ms while N+1 migrated and started:"
                    + " %d samples, %d DOWN, longest gap between samples %d ms%n", sampler.duration().toMillis(),
                    sampler.samples(), sampler.down().size(), sampler.longestGap().toMillis());
            assertEquals(List.of(), sampler.down(), "version N must never be DOWN while N+1 expands the schema");
            assertTrue(sampler.samples() >= 10, "sampled " + sampler.samples() + " times");
            assertTrue(sampler.longestGap().compareTo(Duration.ofSeconds(5)) < 0,
                    "scheduled every 200 ms; one slow answer on a loaded machine delays the next: "
                            + sampler.longestGap());

            Health ahead = Health.of(n.management("/q/health/ready"));
            assertEquals("UP", ahead.status(), ahead.toString());
            assertTrue(ahead.data("gate-migrations", "codes").orElse("").contains("MIGRATION_FUTURE"), ahead.toString());
            JsonNode aheadReport = JSON.readTree(n.management("/q/gate").body());
            for (String code : List.of("ENUM_LABEL_UNMAPPED", "MIGRATION_FUTURE")) {
                assertEquals(List.of("WARNING"), severities(aheadReport, code), code + " in " + aheadReport);
            }

            try (AppProcess restarted = AppProcess.start(empty.name(), versionN)) {
                AppProcess.Response ready = restarted.awaitManagement("/q/health/ready", r -> r.status() == 200
                        || r.status() == 503 && Health.of(r).data("gate", "status").orElse("").equals("failed"),
                        DEADLINE);
                assertEquals(200, ready.status(), "a version N pod restarting after N+1 migrated passes its gate"
                        + " (Flyway's validation before migrate must let N+1's migrations pass): " + ready.body());
            }

            migrate(EXPAND, CONTRACT);

            AppProcess.Response down = n.awaitManagement("/q/health/ready", r -> r.status() == 503, DEADLINE);
            Health contracted = Health.of(down);
            assertEquals("DOWN", contracted.check("gate-timestamps"), contracted.toString());
            assertTrue(contracted.data("gate-timestamps", "codes").orElse("").contains("TIMESTAMP_TZ_MISMATCH"),
                    contracted.toString());
            JsonNode report = JSON.readTree(n.management("/q/gate").body());
            JsonNode dropped = findings(report, "TIMESTAMP_TZ_MISMATCH").get(0);
            assertEquals("users.locked_until", dropped.path("object").asText(), report.toString());
            assertEquals("ERROR", dropped.path("severity").asText(), report.toString());
            assertTrue(dropped.path("message").asText().contains("most likely V81 V81__drop_locked_until.sql"),
                    "the report names the migration that did it: " + dropped);
        }
    }

    /** A release's migration Job: the shipped migrations from the application's own location plus {@code extra}. */
    private void migrate(String... extra) {
        String[] locations = new String[extra.length + 1];
        locations[0] = "classpath:db/migration";
        System.arraycopy(extra, 0, locations, 1, extra.length);
        Flyway.configure().dataSource(server.jdbcUrl(empty.name()), server.user(), server.password())
                .locations(locations).load().migrate();
    }

    private static List<JsonNode> findings(JsonNode report, String code) {
        return StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> code.equals(f.path("code").asText())).toList();
    }

    private static List<String> severities(JsonNode report, String code) {
        return findings(report, code).stream().map(f -> f.path("severity").asText()).distinct().toList();
    }

    /** Samples one application's readiness on a fixed schedule until stopped. */
    private static final class Sampler implements Runnable {

        private final AppProcess app;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> down = new ArrayList<>();
        private Instant first;
        private Instant last;
        private Duration longestGap = Duration.ZERO;
        private int samples;

        Sampler(AppProcess app) {
            this.app = app;
        }

        @Override
        public void run() {
            Instant next = Instant.now();
            while (running.get()) {
                Instant at = Instant.now();
                AppProcess.Response answer = app.management("/q/health/ready");
                synchronized (this) {
                    if (last != null && Duration.between(last, at).compareTo(longestGap) > 0) {
                        longestGap = Duration.between(last, at);
                    }
                    first = first == null ? at : first;
                    last = at;
                    samples++;
                    if (answer.status() != 200 || !Health.is(answer, "UP")) {
                        down.add(at + " " + answer);
                    }
                }
                next = next.plus(SAMPLE_EVERY);
                long sleep = Duration.between(Instant.now(), next).toMillis();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                } else {
                    next = Instant.now();
                }
            }
        }

        void stop() {
            running.set(false);
        }

        synchronized List<String> down() {
            return List.copyOf(down);
        }

        synchronized int samples() {
            return samples;
        }

        synchronized Duration longestGap() {
            return longestGap;
        }

        synchronized Duration duration() {
            return first == null ? Duration.ZERO : Duration.between(first, last);
        }
    }
}

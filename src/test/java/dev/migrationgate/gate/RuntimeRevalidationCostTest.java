package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.MigrationsCheck;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.InspectionResult;
import dev.migrationgate.inspect.ReactiveCatalogInspector;
import dev.migrationgate.inspect.SingleConnection;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a readiness re-validation costs the database once nothing changes, counted on the server: one
 * transaction (the catalog and the history fingerprint in one batch), no Flyway queries, no
 * {@code pg_available_extensions}; and a changed history is still judged exactly as Flyway's full
 * validation judges it.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class RuntimeRevalidationCostTest {

    private static final int ATTEMPTS = 5;
    static final int VALIDATIONS = 5;
    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    @ConfigProperty(name = ScenarioDatabase.DATABASE_KEY)
    String database;

    @Inject
    RuntimeValidation runtime;

    @Inject
    SingleConnection connection;

    @Inject
    ReactiveCatalogInspector inspector;

    @Inject
    Expectations expectations;

    @Inject
    Flyway flyway;

    @BeforeEach
    void ready() {
        Http management = Http.at(managementUrl);
        management.awaitGate("passed");
        Poll.until("readiness UP", WAIT, () -> management.get("/q/health/ready"), r -> r.status() == 200);
    }

    /**
     * Closing the gate's connection ends its backend, which flushes that backend's statistics, so
     * {@code pg_stat_database.xact_commit} of the scenario database then counts every transaction it ran. Each
     * round opens the connection once (a backend's start-up runs transactions of its own), so the difference
     * between a round of one validation and a round of {@value #VALIDATIONS} more is what validations cost.
     * The server counts every session's transactions on the database, and the application's pooled sessions
     * flush their counts when idle, up to 10 s late, into either round: an attempt can be off either way, so the
     * measurement is repeated up to {@value #ATTEMPTS} times until one shows exactly one transaction per
     * validation (two per validation would show twice as many).
     */
    @Test
    void unchangedDatabaseCostsOneTransactionPerValidation() {
        validate();
        validate();
        List<Long> measured = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long[] one = round(1);
            long[] more = round(1 + VALIDATIONS);
            assertEquals(VALIDATIONS, more[0] - one[0]);
            measured.add(more[1] - one[1]);
            if (measured.get(attempt) == VALIDATIONS) {
                break;
            }
        }
        System.out.printf("%d re-validations of an unchanged database: %s transactions on the server%n", VALIDATIONS,
                measured);
        assertTrue(measured.contains((long) VALIDATIONS), "transactions the server committed for " + VALIDATIONS
                + " re-validations, per attempt " + measured + " (Flyway's full validation alone would run dozens)");
    }

    /** Runs {@code count} validations on a new connection; answers the validations started and the transactions. */
    private long[] round(int count) {
        long before = committedAfterGateDisconnects();
        long validationsBefore = runtime.validations();
        for (int i = 0; i < count; i++) {
            assertTrue(validate().passed(), "an unchanged database passes");
        }
        return new long[] {runtime.validations() - validationsBefore, committedAfterGateDisconnects() - before};
    }

    @Test
    void serverPackagesAreReadOnlyWhenTheCreatedExtensionsChangedAndOneIsMissing() {
        assertEquals(4, inspect().catalogQueries(), "enums, columns, created extensions, history fingerprint");
        AdminSql.execute(database, "DROP EXTENSION pgcrypto");
        try {
            InspectionResult missing = inspect();
            assertEquals(5, missing.catalogQueries(), "a second round trip reads what the server offers");
            assertTrue(missing.snapshot().extensions().stream().anyMatch(e -> e.name().equals("pgcrypto")
                    && e.available() && !e.installed()), missing.snapshot().extensions().toString());
            InspectionResult stillMissing = inspect();
            assertEquals(4, stillMissing.catalogQueries(), "nothing changed since that reading");
            assertEquals(missing.snapshot().extensions(), stillMissing.snapshot().extensions());
        } finally {
            AdminSql.execute(database, "CREATE EXTENSION IF NOT EXISTS pgcrypto");
        }
        inspect();
        assertEquals(4, inspect().catalogQueries(), "at most one more reading after the extensions changed back");
    }

    @Test
    void editedChecksumIsJudgedAsFlywaysFullValidationJudgesIt() {
        changeHistory("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'",
                "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
    }

    @Test
    void failedRowIsJudgedAsFlywaysFullValidationJudgesIt() {
        changeHistory(row("901", "broken", false), "DELETE FROM flyway_schema_history WHERE version = '901'");
    }

    @Test
    void newerReleasesRowIsJudgedAsFlywaysFullValidationJudgesIt() {
        changeHistory(row("902", "from a newer release", true),
                "DELETE FROM flyway_schema_history WHERE version = '902'");
    }

    /**
     * Applies {@code change} to the history table, waits until readiness reports migration findings, and
     * compares them with what {@code MigrationsCheck} makes of a history read by a new Flyway reader
     * (nothing remembered: Flyway's full validation); then {@code revert}s and waits until they are gone.
     */
    private void changeHistory(String change, String revert) {
        validate();
        AdminSql.execute(database, change);
        try {
            List<Finding> expected = new MigrationsCheck().check(expectations, history()).stream()
                    .map(f -> f.at(Stage.RUNTIME)).toList();
            assertTrue(!expected.isEmpty(), "the change must matter to Flyway: " + change);
            GateReport report = Poll.until("runtime migration findings " + expected, WAIT, this::validate,
                    r -> Set.copyOf(r.findings(Concern.MIGRATIONS)).equals(Set.copyOf(expected)));
            assertEquals(expected.size(), report.findings(Concern.MIGRATIONS).size(), report.toString());
        } finally {
            AdminSql.execute(database, revert);
        }
        Poll.until("no migration findings once reverted", WAIT, this::validate,
                r -> r.findings(Concern.MIGRATIONS).isEmpty());
    }

    private CatalogSnapshot history() {
        return new CatalogSnapshot(List.of(), List.of(), List.of(), null,
                new FlywayHistoryReader(database, flyway).read());
    }

    /** A history row above every shipped version (ranked after them), as a newer release would write it. */
    private static String row(String version, String description, boolean success) {
        return "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (" + version + "0, '" + version + "', '"
                + description + "', 'SQL', 'V" + version + "__" + description.replace(' ', '_') + ".sql', 12345,"
                + " 'test', 1, " + success + ")";
    }

    private GateReport validate() {
        return runtime.refresh().toCompletableFuture().join();
    }

    private InspectionResult inspect() {
        return inspector.inspect(expectations).await().atMost(WAIT);
    }

    /** Closes the gate's connection, waits until its backend is gone, and answers the database's commits. */
    private long committedAfterGateDisconnects() {
        connection.close();
        Poll.until("the gate's backend to end", WAIT, () -> AdminSql.backends(database, GateBeans.APPLICATION_NAME),
                count -> count == 0);
        return AdminSql.committed(database);
    }
}

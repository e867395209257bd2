package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each way Flyway's migrate fails on a real database, named for what it is. */
class MigrateFailuresTest {

    private final TestPostgres server = TestPostgres.server();
    private String database;

    @BeforeEach
    void scratchDatabase() {
        database = server.createDatabase();
    }

    @AfterEach
    void dropScratchDatabase() {
        server.dropDatabase(database);
    }

    @Test
    void failingTransactionalScriptIsNamedAndSaidRolledBack() {
        AdminSql.execute(database, "CREATE EXTENSION \"uuid-ossp\"");
        flyway("classpath:db/migration").load().migrate();

        Finding failed = only(failure(flyway("classpath:db/migration", GateScenarios.SCRIPTS + "broken-pending")));

        assertEquals(FindingCode.MIGRATION_FAILED, failed.code());
        assertEquals("V90 V90__nickname_then_fail.sql", failed.object());
        assertTrue(failed.actual().startsWith("failed and rolled back: "), failed.actual());
        assertTrue(failed.actual().contains("SQLSTATE 42704 at line"), "the error's SQLSTATE and line: " + failed.actual());
        assertFalse(failed.actual().contains("no_such_type"), "no driver message in a finding: " + failed.actual());
    }

    @Test
    void failingNonTransactionalScriptIsNeverSaidRolledBack() {
        flyway("classpath:db/inspect/history/main").load().migrate();

        Finding failed = only(failure(flyway("classpath:db/inspect/history/main", "classpath:db/inspect/history/failing")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))));

        assertEquals("V3 V3__fail_midway.sql", failed.object());
        assertTrue(failed.actual().startsWith("failed, not rolled back: "), failed.actual());
        assertTrue(failed.message().contains("flyway repair"), failed.message());
        assertEquals(List.of("half_done"), AdminSql.column(database,
                "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'"), "what ran before the failure stays");
    }

    @Test
    void scriptCancelledByItsStatementTimeoutIsAFailedMigrationNotTheDatabaseGone() {
        AdminSql.execute(database, "CREATE EXTENSION \"uuid-ossp\"");
        flyway("classpath:db/migration").load().migrate();

        Finding failed = only(failure(flyway("classpath:db/migration", GateScenarios.SCRIPTS + "statement-timeout")));

        assertEquals(FindingCode.MIGRATION_FAILED, failed.code(), "a verdict the worker does not run again: " + failed);
        assertEquals("V90 V90__longer_than_its_statement_timeout.sql", failed.object());
        assertTrue(failed.actual().contains("SQLSTATE 57014"), failed.actual());
    }

    @Test
    void scriptWhoseBackendIsTerminatedIsTheDatabaseGoneWhichTheWorkerRunsAgain() {
        AdminSql.execute(database, "CREATE EXTENSION \"uuid-ossp\"");
        flyway("classpath:db/migration").load().migrate();
        String sleeping = "SELECT pid FROM pg_stat_activity WHERE datname = '" + database + "' AND query LIKE"
                + " '%pg_sleep(60)%' AND pid <> pg_backend_pid()";
        CompletableFuture<List<String>> terminated = CompletableFuture.supplyAsync(() -> {
            String pid = Poll.until("the script to be running", Duration.ofSeconds(30),
                    () -> AdminSql.column(database, sleeping), pids -> !pids.isEmpty()).get(0);
            return AdminSql.column(database, "SELECT pg_terminate_backend(" + pid + ")::text");
        });

        Finding failed = only(failure(flyway("classpath:db/migration", GateScenarios.SCRIPTS + "terminated")));

        assertEquals(List.of("true"), terminated.join());
        assertEquals(FindingCode.DATABASE_UNREACHABLE, failed.code(), "a failover is a wait, not a verdict: " + failed);
        assertTrue(GateWorker.PASSING.contains(failed.code()), "the worker runs it again");
    }

    @Test
    void nonEmptySchemaWithoutHistoryAsksForABaseline() {
        AdminSql.execute(database, "CREATE TABLE legacy (id integer)");

        Finding failed = only(failure(flyway("classpath:db/inspect/history/main")));

        assertEquals(FindingCode.MIGRATION_FAILED, failed.code());
        assertEquals("non-empty schema without history", failed.actual());
        assertTrue(failed.message().contains("baseline"), failed.message());
        assertTrue(failed.message().startsWith("Nothing was applied"), failed.message());
    }

    @Test
    void validationFailureIsTheHistoryFindingItIs() {
        AdminSql.execute(database, "CREATE EXTENSION \"uuid-ossp\"");
        flyway("classpath:db/migration").load().migrate();

        Finding failed = only(failure(flyway(GateScenarios.SCRIPTS + "seed-bug")));

        assertEquals(FindingCode.MIGRATION_CHECKSUM_MISMATCH, failed.code(), failed.toString());
        assertEquals("V1 V1__iam_schema.sql", failed.object(), failed.toString());
    }

    private FluentConfiguration flyway(String... locations) {
        return Flyway.configure().dataSource(server.jdbcUrl(database), server.user(), server.password())
                .locations(locations);
    }

    private static List<Finding> failure(FluentConfiguration configuration) {
        Flyway flyway = configuration.load();
        return MigrateFailures.findings(assertThrows(FlywayException.class, flyway::migrate), flyway);
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }
}

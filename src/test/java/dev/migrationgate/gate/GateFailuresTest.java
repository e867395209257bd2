package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.fault.LockHolder;
import dev.migrationgate.fault.LockTimeoutException;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One mapping from exception to finding; real driver failures from the real PostgreSQL where possible. */
class GateFailuresTest {

    private static final String SECRET = "S3cret-in-a-message";

    private final TestPostgres server = TestPostgres.server();

    @Test
    void refusedConnectionIsUnreachableWithSqlStateAndNoDriverText() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        SQLException refused = failure(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + closed + "/x?password=" + SECRET + "&connectTimeout=2"));
        Finding finding = GateFailures.finding(refused, "phase connect", Stage.PRE_MIGRATION);
        assertEquals(FindingCode.DATABASE_UNREACHABLE, finding.code());
        assertEquals("unavailable: SQLSTATE " + refused.getSQLState(), finding.actual());
        assertClean(finding, refused.getMessage());
    }

    @Test
    void statementTimeoutIsUnreachableAndLockTimeoutIsALockTimeout() throws Exception {
        String database = server.createDatabase();
        try (Connection holder = server.connect(database); Connection waiter = server.connect(database);
                Statement hold = holder.createStatement(); Statement wait = waiter.createStatement()) {
            SQLException slow = failure(() -> wait.execute("SET statement_timeout = 100; SELECT pg_sleep(5)"));
            assertEquals(FindingCode.DATABASE_UNREACHABLE,
                    GateFailures.finding(slow, "phase post-migration", Stage.POST_MIGRATION).code());

            holder.setAutoCommit(false);
            hold.execute("SELECT pg_advisory_xact_lock(42)");
            SQLException locked = failure(() -> wait.execute("SET statement_timeout = 0; SET lock_timeout = 100;"
                    + " SELECT pg_advisory_xact_lock(42)"));
            Finding finding = GateFailures.finding(locked, "phase extensions", Stage.PRE_MIGRATION);
            assertEquals(FindingCode.DATABASE_LOCK_TIMEOUT, finding.code());
            assertClean(finding, locked.getMessage());
            holder.rollback();
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void lockTimeoutNamesTheHolder() {
        LockTimeoutException timeout = new LockTimeoutException("the gate's extension lock", Duration.ofSeconds(2),
                List.of(new LockHolder(4242, "other-replica", "2025-03-01T12:00:00Z", "idle in transaction")));
        Finding finding = GateFailures.finding(new IllegalStateException("wrapped", timeout), "phase extensions",
                Stage.PRE_MIGRATION);
        assertEquals(FindingCode.DATABASE_LOCK_TIMEOUT, finding.code());
        assertEquals("the gate's extension lock", finding.object());
        assertEquals("held by pid 4242 (application_name 'other-replica', idle in transaction since 2025-03-01T12:00:00Z)",
                finding.actual());
    }

    @Test
    void flywayValidationErrorsBecomeTheirHistoryCodes() {
        Function<CoreErrorCode, FindingCode> map = code -> GateFailures.finding(
                new FlywayValidateException(new ErrorDetails(code, "details " + SECRET), "all details " + SECRET),
                "phase pre-migration", Stage.PRE_MIGRATION).code();
        assertEquals(FindingCode.MIGRATION_CHECKSUM_MISMATCH, map.apply(CoreErrorCode.CHECKSUM_MISMATCH));
        assertEquals(FindingCode.MIGRATION_FAILED, map.apply(CoreErrorCode.FAILED_VERSIONED_MIGRATION));
        assertEquals(FindingCode.MIGRATION_MISSING, map.apply(CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED));
        assertEquals(FindingCode.MIGRATION_PENDING, map.apply(CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED));
    }

    @Test
    void duplicateMigrationVersionIsAnInternalErrorNamedByFlywaysCodeNotAnUnreachableDatabase() {
        Finding finding = GateFailures.finding(new FlywayException("Found more than one migration with version 2",
                CoreErrorCode.DUPLICATE_VERSIONED_MIGRATION), "phase pre-migration", Stage.PRE_MIGRATION);
        assertEquals(FindingCode.GATE_INTERNAL_ERROR, finding.code());
        assertEquals("unexpected Flyway DUPLICATE_VERSIONED_MIGRATION", finding.actual());
        assertClean(finding, "more than one migration");
    }

    @Test
    void anythingElseIsAnInternalErrorWithAReferenceAndNoMessage() {
        Finding finding = GateFailures.finding(new IllegalStateException("check exploded near " + SECRET),
                "phase post-migration", Stage.POST_MIGRATION);
        assertEquals(FindingCode.GATE_INTERNAL_ERROR, finding.code());
        assertEquals("unexpected IllegalStateException", finding.actual());
        assertTrue(finding.message().matches(".*\\(log reference [0-9a-f]{8}\\).*"), finding.message());
        assertClean(finding, "check exploded");
    }

    @Test
    void sqlErrorWrappedByFlywayIsNotMistakenForAnUnreachableDatabase() {
        Finding finding = GateFailures.finding(new FlywaySqlException("Unable to check",
                new SQLException("type \"no_such_type\" does not exist", "42704")), "phase migrate", Stage.POST_MIGRATION);
        assertEquals(FindingCode.GATE_INTERNAL_ERROR, finding.code(), "Flyway files every SQL error as DB_CONNECTION");
        assertEquals("unexpected SQLSTATE 42704", finding.actual());
        assertClean(finding, "no_such_type");
    }

    @Test
    void flywayErrorOfMigrateIsAFailedMigration() {
        Finding finding = GateFailures.migrateFinding(new FlywaySqlException("Unable to insert row",
                new SQLException("permission denied for table flyway_schema_history " + SECRET, "42501")));
        assertEquals(FindingCode.MIGRATION_FAILED, finding.code());
        assertEquals("failed: SQLSTATE 42501", finding.actual());
        assertEquals(Stage.POST_MIGRATION, finding.stage());
        assertClean(finding, "permission denied");
    }

    @Test
    void statementCancelledAnywhereInMigrateIsAVerdictButElsewhereTheDatabaseNotAnswering() {
        FlywayException callback = new FlywayException("Error while executing AFTER_EACH_MIGRATE callback",
                new SQLException("canceling statement due to user request", "57014"));
        assertEquals(FindingCode.MIGRATION_FAILED, GateFailures.migrateFinding(callback).code(),
                "the worker must not run a cancelled migration again by itself");
        assertEquals(FindingCode.DATABASE_UNREACHABLE,
                GateFailures.finding(callback, "readiness re-validation", Stage.RUNTIME).code());
    }

    @ParameterizedTest
    @EnumSource(value = CoreErrorCode.class, names = {"VALIDATE_ERROR", "RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED",
            "CHECKSUM_MISMATCH"})
    void failedValidationOfMigrateIsAlwaysABlockingFailedMigrationThatAppliedNothing(CoreErrorCode code) {
        Finding finding = GateFailures.migrateFinding(new FlywayValidateException(
                new ErrorDetails(code, "details " + SECRET), "all details " + SECRET));
        assertEquals(FindingCode.MIGRATION_FAILED, finding.code());
        assertEquals("flyway_schema_history", finding.object());
        assertEquals(Stage.PRE_MIGRATION, finding.stage());
        assertTrue(BlockingPolicy.standard().blocks(finding), "even a code that means pending: " + finding);
        assertTrue(finding.message().startsWith("Nothing was applied"), finding.message());
        assertClean(finding, "details");
    }

    @Test
    void poolAcquisitionTimeoutIsUnreachable() {
        assertEquals(FindingCode.DATABASE_UNREACHABLE, GateFailures.finding(
                new SQLException("Sorry, acquisition timeout!"), "API request", Stage.RUNTIME).code());
    }

    private static void assertClean(Finding finding, String driverText) {
        for (String field : new String[] {finding.object(), finding.expected(), finding.actual(), finding.message()}) {
            assertFalse(field.contains(SECRET), field);
            assertFalse(!driverText.isBlank() && field.contains(driverText), "driver text in: " + field);
        }
    }

    /** The SQLException {@code action} throws. */
    private static SQLException failure(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected a SQLException");
    }

    private interface SqlAction {
        void run() throws SQLException;
    }
}

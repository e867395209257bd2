package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.MigrationsCheck;
import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.inspect.MigrationHistory.ValidationError;
import dev.migrationgate.report.Finding;
import dev.migrationgate.testdb.FlywayEvents;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.ValidateOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway's history as the reader reports it, on scratch databases migrated programmatically from the
 * scripts under {@code src/test/resources/db/inspect/history}: {@code main} (V1, V2), {@code extra} (V1.5),
 * {@code future} (V3) and {@code failing} (V3, outside a transaction, failing after its first statement).
 */
class FlywayHistoryReaderTest {

    private ScratchDatabase db;

    @BeforeEach
    void createDatabase() {
        db = new ScratchDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private MigrationHistory history(String... locations) {
        return new FlywayHistoryReader(db.name, db.flyway(locations)).read();
    }

    private static List<String> states(MigrationHistory history) {
        return history.migrations().stream().map(m -> m.version() + " " + m.state() + (m.applied() ? " applied" : ""))
                .toList();
    }

    @Test
    void appliedMigrationsAreSuccessfulWithScriptsAndChecksums() {
        db.flyway("main").migrate();

        MigrationHistory history = history("main");

        assertEquals(List.of("1 SUCCESS applied", "2 SUCCESS applied"), states(history));
        Migration first = history.migrations().get(0);
        assertEquals("create widgets", first.description());
        assertEquals("V1__create_widgets.sql", first.script());
        assertEquals(db.single("SELECT checksum FROM flyway_schema_history WHERE version = '1'"),
                String.valueOf(first.checksum()));
        assertEquals(List.of(), history.validationErrors());
    }

    @Test
    void readRemembersTheFingerprintReadBeforeItSoTheNextInspectionAnswersFromMemory() {
        db.flyway("main").migrate();
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flyway("main"));

        MigrationHistory history = reader.read();

        assertTrue(reader.fingerprintTable().isPresent());
        assertEquals(Optional.of(history), reader.unchanged(fingerprint()));
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        assertEquals(Optional.empty(), reader.unchanged(fingerprint()));
    }

    @Test
    void readBeforeTheHistoryTableExistsRemembersNoFingerprint() {
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flyway("main"));

        reader.read();

        assertEquals(Optional.empty(), reader.fingerprintTable());
        db.flyway("main").migrate();
        assertEquals(Optional.empty(), reader.unchanged(fingerprint()));
    }

    @Test
    void readingAheadOnAMigratedDatabaseRemembersTheHistoryUnderItsFingerprint() {
        db.flyway("main").migrate();
        AtomicInteger infos = new AtomicInteger();
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flywayConfiguration("main")
                .callbacks(FlywayEvents.counting(Event.BEFORE_INFO, infos)).load());

        reader.readAheadWhenApplied();

        assertEquals(1, infos.get());
        assertTrue(reader.fingerprintTable().isPresent(), "the next inspection reads the fingerprint with the catalog");
        assertEquals(List.of("1 SUCCESS applied", "2 SUCCESS applied"),
                states(reader.unchanged(fingerprint()).orElseThrow()));
    }

    /**
     * The fingerprint a read-ahead is remembered under is read before Flyway reads: a migration another instance
     * commits meanwhile makes the next inspection's fingerprint differ, and it reads again rather than trust a
     * read that may have missed it.
     */
    @Test
    void aMigrationCommittedDuringTheReadAheadIsNotRememberedUnderTheOlderFingerprint() {
        db.flyway("main").migrate();
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flywayConfiguration("main")
                .callbacks(FlywayEvents.running(Event.BEFORE_INFO, () -> db.execute(ANOTHER_INSTANCE_COMMITS)))
                .load());

        reader.readAheadWhenApplied();

        assertEquals(Optional.empty(), reader.unchanged(fingerprint()));
    }

    /** One more history row, as another instance migrating would commit it. */
    private static final String ANOTHER_INSTANCE_COMMITS = "INSERT INTO flyway_schema_history (installed_rank,"
            + " version, description, type, script, checksum, installed_by, execution_time, success)"
            + " SELECT max(installed_rank) + 1, '3', 'other', 'SQL', 'V3__other.sql', 1, 'other', 1, true"
            + " FROM flyway_schema_history";

    @Test
    void readingAheadWithoutHistoryReadsNothing() {
        AtomicInteger infos = new AtomicInteger();
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flywayConfiguration("main")
                .callbacks(FlywayEvents.counting(Event.BEFORE_INFO, infos)).load());

        reader.readAheadWhenApplied();
        db.flyway("main").migrate();
        db.execute("DELETE FROM flyway_schema_history");
        reader.readAheadWhenApplied();

        assertEquals(0, infos.get(), "no table, then an empty one: nothing for Flyway to read");
        assertEquals(Optional.empty(), reader.lastRead());
    }

    /** What an inspection reads of the history table with the catalog now. */
    private HistoryFingerprint fingerprint() {
        String sql = CatalogQuery.HISTORY.jdbcSql("public.flyway_schema_history");
        return new HistoryFingerprint(Integer.parseInt(db.single("SELECT history_rows FROM (" + sql + ") f")),
                Integer.parseInt(db.single("SELECT history_max_rank FROM (" + sql + ") f")),
                db.single("SELECT history_digest FROM (" + sql + ") f"));
    }

    @Test
    void untouchedDatabaseHasOnlyPendingMigrationsAndNoErrors() {
        MigrationHistory history = history("main");

        assertEquals(List.of("1 PENDING", "2 PENDING"), states(history));
        assertEquals(List.of(), history.validationErrors());
    }

    @Test
    void validationRunsOnlyOnceAMigrationIsApplied() {
        AtomicInteger validations = new AtomicInteger();
        FlywayHistoryReader reader = new FlywayHistoryReader(db.name, db.flywayConfiguration("main")
                .callbacks(FlywayEvents.counting(Event.BEFORE_VALIDATE, validations)).load());

        assertEquals(List.of("1 PENDING", "2 PENDING"), states(reader.read()));
        assertEquals(0, validations.get(), "nothing applied: nothing to validate");

        db.flywayConfiguration("main").target("1").load().migrate();
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        MigrationHistory history = reader.read();
        assertEquals(1, validations.get());
        assertEquals(List.of("1 V1__create_widgets.sql CHECKSUM_MISMATCH"), errors(history),
                "an applied migration is validated");
    }

    @Test
    void pendingMigrationIsAStateNotAValidationError() {
        db.flywayConfiguration("main").target("1").load().migrate();

        MigrationHistory history = history("main");

        assertEquals(List.of("1 SUCCESS applied", "2 PENDING"), states(history));
        assertEquals(List.of(), history.validationErrors());
        List<ValidateOutput> plain = db.flyway("main").validateWithResult().invalidMigrations;
        assertEquals(List.of("2 RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED"),
                plain.stream().map(o -> o.version + " " + o.errorDetails.errorCode).toList(),
                "Flyway's own validation counts pending migrations as errors; the reader must not");
    }

    /**
     * Flyway on PostgreSQL holds its lock in a transaction on the history connection by default, so the row
     * recording a failed non-transactional migration is rolled back with that lock; with a session lock
     * ({@code flyway.postgresql.transactional.lock=false}) the failure stays recorded.
     */
    @Test
    void failedMigrationIsReportedFailed() {
        Flyway sessionLocked = db.flywayConfiguration("main", "failing")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false")).load();
        assertThrows(FlywayException.class, sessionLocked::migrate);

        MigrationHistory history = history("main", "failing");

        assertEquals(List.of("1 SUCCESS applied", "2 SUCCESS applied", "3 FAILED applied"), states(history));
        assertEquals(List.of("3 V3__fail_midway.sql FAILED_VERSIONED_MIGRATION"), errors(history));
    }

    @Test
    void editedChecksumIsReportedAsChecksumMismatch() {
        db.flyway("main").migrate();
        db.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        MigrationHistory history = history("main");

        assertEquals(List.of("1 SUCCESS applied", "2 SUCCESS applied"), states(history));
        assertEquals(List.of("1 V1__create_widgets.sql CHECKSUM_MISMATCH"), errors(history));
        assertTrue(history.validationErrors().get(0).message().contains("checksum"),
                history.validationErrors().get(0).message());
    }

    @Test
    void appliedMigrationWhoseScriptIsGoneIsReportedMissing() {
        db.flyway("main", "extra").migrate();

        MigrationHistory history = history("main");

        assertEquals(List.of("1 SUCCESS applied", "1.5 MISSING_SUCCESS applied", "2 SUCCESS applied"),
                states(history));
        assertEquals(List.of("1.5 V1_5__create_sprockets.sql APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED"),
                errors(history));
    }

    @Test
    void migrationNewerThanEveryScriptIsFutureAndIgnoredAsFlywayIsConfigured() {
        db.flyway("main", "future").migrate();

        MigrationHistory history = history("main");

        assertEquals(List.of("1 SUCCESS applied", "2 SUCCESS applied", "3 FUTURE_SUCCESS applied"), states(history));
        assertEquals(List.of(), history.validationErrors(), "Flyway ignores *:future unless configured otherwise");
    }

    @Test
    void configuredIgnorePatternsStillApplyBesidePending() {
        db.flyway("main", "future").migrate();
        Flyway strict = db.flywayConfiguration("main").ignoreMigrationPatterns(new String[0]).load();

        MigrationHistory history = new FlywayHistoryReader(db.name, strict).read();

        assertEquals(List.of("3 V3__create_gizmos.sql APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED"), errors(history));
    }

    @Test
    void unreachableDatabaseNamesTheOperationAndKeepsCause() {
        Flyway flyway = Flyway.configure().dataSource(db.server.jdbcUrl("mg_no_such_db"), db.server.user(),
                db.server.password()).locations("classpath:db/inspect/history/main").load();

        InspectionException failure = assertThrows(InspectionException.class,
                () -> new FlywayHistoryReader("mg_no_such_db", flyway).read());

        assertTrue(failure.getMessage().startsWith(
                "reading the fingerprint of Flyway's history table of database mg_no_such_db: "), failure.getMessage());
        assertEquals("3D000", assertInstanceOf(SQLException.class, failure.getCause()).getSQLState());
    }

    private static List<String> errors(MigrationHistory history) {
        return history.validationErrors().stream().map(FlywayHistoryReaderTest::describe).toList();
    }

    private static String describe(ValidationError error) {
        return error.version() + " " + error.script() + " " + error.errorCode();
    }

    /**
     * The history a rollout leaves: {@code views-v0} had a repeatable migration release 1 ({@code views-v1})
     * deleted; release 2 ({@code views-v2} and {@code future}) changed release 1's repeatable, added one, and
     * added the versioned V3 that tells older builds a newer release ran.
     */
    private void releaseTwoMigratedAfterReleaseOne() {
        db.flyway("main", "views-v0").migrate();
        db.flywayConfiguration("main", "views-v1").validateOnMigrate(false).load().migrate();
        db.flywayConfiguration("main", "views-v2", "future").validateOnMigrate(false).load().migrate();
    }

    @Test
    void repeatablesANewerReleaseChangedOrAddedAreAheadOfAnOldReleaseNotPendingOrMissing() {
        releaseTwoMigratedAfterReleaseOne();
        FlywayHistoryReader releaseOne = new FlywayHistoryReader(db.name, db.flyway("main", "views-v1"));

        Map<String, List<String>> codes = codesByObject(releaseOne.read());

        assertEquals(List.of("MIGRATION_FUTURE"), codes.get("R R__widget_ids.sql"), codes.toString());
        assertEquals(List.of("MIGRATION_FUTURE"), codes.get("R R__gadget_ids.sql"), codes.toString());
        assertEquals(List.of("MIGRATION_FUTURE"), codes.get("V3 V3__create_gizmos.sql"), codes.toString());
        assertEquals(List.of("MIGRATION_MISSING"), codes.get("R R__sprocket_ids.sql"),
                "a repeatable applied before the newer release stays missing: " + codes);
        FlywayHistoryReader.Read read = releaseOne.lastRead().orElseThrow();
        assertEquals(List.of("R__widget_ids.sql"), read.pending().stream().map(MigrationInfo::getScript).toList(),
                "Flyway would apply release 1's older content again");
        assertEquals(List.of(), read.ownPending());
        assertTrue(read.onlyNewerReleaseRepeatablesPending());
    }

    @Test
    void withoutANewerVersionedMigrationAChangedOrAddedRepeatableIsPendingOrMissingForAnOldRelease() {
        db.flyway("main", "views-v1").migrate();
        db.flywayConfiguration("main", "views-v2").validateOnMigrate(false).load().migrate();
        FlywayHistoryReader releaseOne = new FlywayHistoryReader(db.name, db.flyway("main", "views-v1"));

        Map<String, List<String>> codes = codesByObject(releaseOne.read());

        assertEquals(List.of("MIGRATION_PENDING", "MIGRATION_PENDING"), codes.get("R R__widget_ids.sql"),
                "nothing tells a newer release from this build's own change: " + codes);
        assertEquals(List.of("MIGRATION_MISSING"), codes.get("R R__gadget_ids.sql"), codes.toString());
        assertFalse(releaseOne.lastRead().orElseThrow().onlyNewerReleaseRepeatablesPending());
    }

    @Test
    void repeatablesTheNewReleaseChangedOrAddedArePendingUntilItMigrates() {
        db.flyway("main", "views-v1").migrate();
        FlywayHistoryReader releaseTwo = new FlywayHistoryReader(db.name, db.flyway("main", "views-v2"));

        Map<String, List<String>> codes = codesByObject(releaseTwo.read());

        assertEquals(List.of("MIGRATION_PENDING", "MIGRATION_PENDING"), codes.get("R R__widget_ids.sql"),
                "changed by this release (outdated, and its new content pending): " + codes);
        assertEquals(List.of("MIGRATION_PENDING"), codes.get("R R__gadget_ids.sql"), codes.toString());
        FlywayHistoryReader.Read read = releaseTwo.lastRead().orElseThrow();
        assertEquals(List.of("R__gadget_ids.sql", "R__widget_ids.sql"),
                read.ownPending().stream().map(MigrationInfo::getScript).toList());
        assertFalse(read.onlyNewerReleaseRepeatablesPending());
    }

    @Test
    void aReleaseRevertingARepeatableToEarlierContentAppliesIt() {
        db.flyway("main", "views-v1").migrate();
        db.flyway("main", "views-v2").migrate();
        FlywayHistoryReader releaseThree = new FlywayHistoryReader(db.name,
                db.flywayConfiguration("main", "views-v1", "future").ignoreMigrationPatterns("*:missing").load());

        Map<String, List<String>> codes = codesByObject(releaseThree.read());

        assertEquals(List.of("MIGRATION_PENDING", "MIGRATION_PENDING"), codes.get("R R__widget_ids.sql"),
                codes.toString());
        assertEquals(List.of("V3__create_gizmos.sql", "R__widget_ids.sql"), releaseThree.lastRead().orElseThrow()
                .ownPending().stream().map(MigrationInfo::getScript).toList(), codes.toString());
    }

    @Test
    void aRepeatableThisReleaseDeletedIsMissing() {
        db.flyway("main", "views-v0").migrate();

        Map<String, List<String>> codes = codesByObject(history("main"));

        assertEquals(List.of("MIGRATION_MISSING"), codes.get("R R__sprocket_ids.sql"), codes.toString());
    }

    private static Map<String, List<String>> codesByObject(MigrationHistory history) {
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(), List.of(), List.of(), null, history);
        return new MigrationsCheck().check(null, snapshot).stream().collect(Collectors.groupingBy(Finding::object,
                TreeMap::new, Collectors.mapping(f -> f.code().name(), Collectors.toList())));
    }
}

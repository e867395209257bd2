package dev.migrationgate.check;

import static dev.migrationgate.check.Fixtures.codes;
import static dev.migrationgate.check.Fixtures.given;
import static dev.migrationgate.check.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.inspect.MigrationHistory.ValidationError;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsCheckTest {

    private final MigrationsCheck check = new MigrationsCheck();

    private static Migration migration(String version, String state, boolean applied) {
        return new Migration(version, "step " + version, "V" + version + "__step.sql", state, 42, applied,
                applied ? Integer.valueOf(version.replace(".", "")) : null);
    }

    private List<Finding> run(List<Migration> migrations, List<ValidationError> errors) {
        return given().history(new MigrationHistory(migrations, errors)).run(check);
    }

    private List<Finding> run(Migration... migrations) {
        return run(List.of(migrations), List.of());
    }

    @Test
    void passesWhenEveryMigrationSucceeded() {
        assertEquals(List.of(), run(migration("1", "SUCCESS", true), migration("2", "OUT_OF_ORDER", true),
                migration("0", "BASELINE", true)));
        assertEquals(List.of(), given().history(MigrationHistory.empty()).run(check));
        assertEquals(List.of(), given().history(null).run(check));
    }

    @Test
    void reportsAFailedMigration() {
        Finding finding = only(run(migration("1", "SUCCESS", true), migration("2", "FAILED", true)),
                FindingCode.MIGRATION_FAILED);
        assertEquals("V2 V2__step.sql", finding.object());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("failed", finding.actual());
        assertNull(finding.fix());
        assertTrue(finding.message().contains("flyway repair"), finding.message());
    }

    @Test
    void reportsPendingMigrations() {
        Finding finding = only(run(migration("1", "SUCCESS", true), migration("2", "PENDING", false)),
                FindingCode.MIGRATION_PENDING);
        assertEquals("V2 V2__step.sql", finding.object());
        assertEquals("pending", finding.actual());
    }

    @Test
    void reportsIgnoredAndOutdatedMigrationsAsPending() {
        List<Finding> findings = run(migration("1", "IGNORED", false),
                new Migration(null, "views", "R__views.sql", "OUTDATED", 7, true, 3));
        assertEquals(List.of(FindingCode.MIGRATION_PENDING, FindingCode.MIGRATION_PENDING), codes(findings));
        assertEquals("R R__views.sql", findings.get(1).object());
        assertTrue(findings.get(0).message().contains("outOfOrder"), findings.get(0).message());
    }

    @Test
    void reportsChecksumMismatchWithBothChecksumsAndNoOneClickRepair() {
        Finding finding = only(run(List.of(migration("1", "SUCCESS", true)), List.of(new ValidationError("1",
                "V1__step.sql", "CHECKSUM_MISMATCH", "Migration checksum mismatch for migration version 1\n"
                        + "-> Applied to database : 1138\n-> Resolved locally    : -99\n"
                        + "Either revert the changes to the migration, or run repair to update the schema history."))),
                FindingCode.MIGRATION_CHECKSUM_MISMATCH);
        assertEquals("V1 V1__step.sql", finding.object());
        assertEquals("checksum 1138 (as applied)", finding.expected());
        assertEquals("checksum -99 (local script)", finding.actual());
        assertNull(finding.fix());
        assertTrue(finding.message().contains("only if the change was intended"), finding.message());
    }

    @Test
    void ignoresValidationErrorsThatRestateAState() {
        List<Finding> findings = run(List.of(migration("2", "PENDING", false)), List.of(new ValidationError("2",
                "V2__step.sql", "RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED", "Detected resolved migration not applied")));
        assertEquals(List.of(FindingCode.MIGRATION_PENDING), codes(findings));
    }

    @Test
    void reportsAppliedMigrationsWithoutALocalScriptAsMissing() {
        List<Finding> findings = run(migration("3", "MISSING_SUCCESS", true));
        assertEquals(List.of(FindingCode.MIGRATION_MISSING), codes(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void reportsAFailedMissingMigrationAsMissingAndFailed() {
        assertEquals(List.of(FindingCode.MIGRATION_MISSING, FindingCode.MIGRATION_FAILED),
                codes(run(migration("3", "MISSING_FAILED", true))));
    }

    @Test
    void reportsFutureMigrationsAsWarnings() {
        Finding finding = only(run(migration("1", "SUCCESS", true), migration("9", "FUTURE_SUCCESS", true)),
                FindingCode.MIGRATION_FUTURE);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("V9 V9__step.sql", finding.object());
    }

    @Test
    void reportsAFailedFutureMigrationAsFutureAndFailed() {
        assertEquals(List.of(FindingCode.MIGRATION_FUTURE, FindingCode.MIGRATION_FAILED),
                codes(run(migration("9", "FUTURE_FAILED", true))));
    }

    @Test
    void aNewerReleasesRepeatableIsFutureOnceAndItsFailedApplicationStillFails() {
        Migration added = new Migration(null, "views", "R__views.sql", "MISSING_SUCCESS", 7, true, 3);
        Migration failedLater = new Migration(null, "views", "R__views.sql", "MISSING_FAILED", 8, true, 4);

        List<Finding> findings = run(migration("1", "SUCCESS", true), migration("2", "FUTURE_SUCCESS", true),
                added, failedLater);

        assertEquals(List.of(FindingCode.MIGRATION_FUTURE, FindingCode.MIGRATION_FUTURE, FindingCode.MIGRATION_FAILED),
                codes(findings), findings.toString());
        assertEquals("R R__views.sql", findings.get(1).object());
        assertEquals("R R__views.sql", findings.get(2).object());
    }

    @Test
    void aRepeatableWithoutANewerVersionedMigrationIsMissing() {
        List<Finding> findings = run(migration("1", "SUCCESS", true),
                new Migration(null, "views", "R__views.sql", "MISSING_SUCCESS", 7, true, 2));

        assertEquals(List.of(FindingCode.MIGRATION_MISSING), codes(findings), findings.toString());
    }
}

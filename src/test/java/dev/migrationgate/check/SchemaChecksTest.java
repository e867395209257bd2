package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.TemporalFamily;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.report.Severity;
import dev.migrationgate.report.Stage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaChecksTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final SchemaChecks engine = new SchemaChecks(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Fixtures healthySeed() {
        return seed("sysadmin", "admin", "user");
    }

    private static Fixtures seed(String... roleLabels) {
        return Fixtures.given()
                .require("uuid-ossp").optional("vector")
                .extension("uuid-ossp", "1.1", "1.1", "public")
                .expectNamedEnum("users", "role", "userrole", "sysadmin", "admin", "user")
                .enumType("userrole", roleLabels).enumColumn("users", "role", "userrole")
                .expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .column("users", "created_at", "timestamp without time zone", "timestamp")
                .history(new MigrationHistory(List.of(new Migration("1", "iam schema", "V1__iam_schema.sql", "SUCCESS",
                        1, true, 1)), List.of()));
    }

    @Test
    void evaluatePassesWithOnlyWarningsAndStampsTheStage() {
        Fixtures seed = healthySeed();
        GateReport report = engine.evaluate(seed.expectations(), seed.snapshot(), Stage.RUNTIME);
        assertEquals(GateStatus.PASSED, report.status());
        assertEquals("validate-runtime", report.phase());
        assertEquals(Map.of("validate-runtime", 0L), report.durationsMillis());
        assertEquals(NOW, report.checkedAt());
        Finding vector = report.findings().get(0);
        assertEquals(FindingCode.EXTENSION_UNAVAILABLE, vector.code());
        assertEquals(Stage.RUNTIME, vector.stage());
    }

    @Test
    void evaluateFailsOnAnErrorFromAnyCheckAndSortsErrorsFirst() {
        Fixtures broken = seed("SYSADMIN", "ADMIN", "USER")
                .expectTemporal("users", "seen_at", TemporalFamily.TIMESTAMPTZ)
                .column("users", "seen_at", "timestamp without time zone", "timestamp");
        GateReport report = engine.evaluate(broken.expectations(), broken.snapshot(), Stage.POST_MIGRATION);
        assertEquals(GateStatus.FAILED, report.status());
        assertEquals(List.of(FindingCode.ENUM_CASE_MISMATCH, FindingCode.TIMESTAMP_TZ_MISMATCH,
                FindingCode.EXTENSION_UNAVAILABLE), report.findings().stream().map(Finding::code).toList());
        report.findings().forEach(f -> assertEquals(Stage.POST_MIGRATION, f.stage()));
    }

    @Test
    void enforceReturnsThePassingReport() {
        Fixtures seed = healthySeed();
        assertEquals(GateStatus.PASSED,
                engine.enforce(seed.expectations(), seed.snapshot(), Stage.POST_MIGRATION).status());
    }

    @Test
    void enforceThrowsCarryingTheReportAndTheBlockingFindings() {
        Fixtures seed = healthySeed().require("pgcrypto");
        GateFailedException failure = assertThrows(GateFailedException.class,
                () -> engine.enforce(seed.expectations(), seed.snapshot(), Stage.POST_MIGRATION));
        assertEquals(GateStatus.FAILED, failure.report().status());
        assertEquals(List.of(FindingCode.EXTENSION_UNAVAILABLE), failure.blocking().stream().map(Finding::code).toList());
        assertEquals("pgcrypto", failure.blocking().get(0).object());
        assertEquals("Schema gate failed at validate-post-migration with 1 blocking finding:"
                + " EXTENSION_UNAVAILABLE pgcrypto", failure.getMessage());
    }

    @Test
    void letsPendingMigrationsThroughBeforeMigratingButNotAfterwards() {
        Fixtures pending = healthySeed().history(new MigrationHistory(List.of(
                new Migration("1", "iam schema", "V1__iam_schema.sql", "PENDING", 1, false, null)), List.of()));
        GateReport before = engine.enforce(pending.expectations(), pending.snapshot(), Stage.PRE_MIGRATION);
        assertTrue(before.findings().stream().anyMatch(f -> f.code() == FindingCode.MIGRATION_PENDING));
        assertEquals(GateStatus.PASSED, before.status());
        assertThrows(GateFailedException.class,
                () -> engine.enforce(pending.expectations(), pending.snapshot(), Stage.POST_MIGRATION));
        assertEquals(Severity.WARNING, Fixtures.only(before.findings(), FindingCode.MIGRATION_PENDING).severity(),
                "what does not block is reported as a warning");
    }

    @Test
    void aDatabaseAheadOfThisVersionPassesWithWarningsAfterMigrationAndAtRuntime() {
        Fixtures ahead = seed("sysadmin", "admin", "user", "auditor").history(new MigrationHistory(List.of(
                new Migration("1", "iam schema", "V1__iam_schema.sql", "SUCCESS", 1, true, 1),
                new Migration("2", "auditor role", "V2__auditor_role.sql", "FUTURE_SUCCESS", 2, true, 2)), List.of()))
                .column("users", "nickname", "text", "text");
        for (Stage stage : List.of(Stage.POST_MIGRATION, Stage.RUNTIME)) {
            GateReport report = engine.evaluate(ahead.expectations(), ahead.snapshot(), stage);
            assertEquals(GateStatus.PASSED, report.status(), stage + ": " + report.findings());
            assertEquals(Severity.WARNING, Fixtures.only(report.findings(), FindingCode.ENUM_LABEL_UNMAPPED).severity());
            assertEquals(Severity.WARNING, Fixtures.only(report.findings(), FindingCode.MIGRATION_FUTURE).severity());
        }
    }

    @Test
    void beforeMigratingAnUnmappedLabelBlocksOnlyWhenThePendingMigrationsIntroduceIt() {
        Fixtures live = seed("sysadmin", "admin", "user", "auditor");
        Fixtures plannedSame = seed("sysadmin", "admin", "user", "auditor");
        Fixtures plannedWorse = seed("sysadmin", "admin", "user", "auditor", "SUPERUSER");

        Finding existing = Fixtures.only(engine.findingsBeforeMigration(live.expectations(), live.snapshot(),
                plannedSame.snapshot()), FindingCode.ENUM_LABEL_UNMAPPED);
        assertEquals(Severity.WARNING, existing.severity());
        assertEquals(Stage.PRE_MIGRATION, existing.stage());

        Finding introduced = Fixtures.only(engine.findingsBeforeMigration(live.expectations(), live.snapshot(),
                plannedWorse.snapshot()), FindingCode.ENUM_LABEL_UNMAPPED);
        assertEquals(Severity.ERROR, introduced.severity());
        assertTrue(BlockingPolicy.standard().blocks(introduced));
    }

    @Test
    void aContractMigrationOfANewerReleaseBlocksAndIsNamed() {
        Fixtures contracted = Fixtures.given()
                .expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .expectTemporal("users", "locked_until", TemporalFamily.TIMESTAMP)
                .column("users", "created_at", "timestamp without time zone", "timestamp")
                .history(new MigrationHistory(List.of(
                        new Migration("1", "iam schema", "V1__iam_schema.sql", "SUCCESS", 1, true, 1),
                        new Migration("2", "expand", "V2__expand.sql", "FUTURE_SUCCESS", 2, true, 2),
                        new Migration("3", "contract", "V3__contract.sql", "FUTURE_SUCCESS", 3, true, 3)), List.of()));
        GateReport report = engine.evaluate(contracted.expectations(), contracted.snapshot(), Stage.RUNTIME);
        assertEquals(GateStatus.FAILED, report.status());
        Finding dropped = Fixtures.only(report.findings(), FindingCode.TIMESTAMP_TZ_MISMATCH);
        assertEquals("users.locked_until", dropped.object());
        assertTrue(dropped.message().contains("newest first: V3 V3__contract.sql, V2 V2__expand.sql")
                && dropped.message().contains("most likely V3 V3__contract.sql"), dropped.message());
        assertEquals(Severity.WARNING, report.findings().stream()
                .filter(f -> f.code() == FindingCode.MIGRATION_FUTURE).map(Finding::severity).distinct()
                .reduce((a, b) -> Severity.ERROR).orElseThrow());
    }

    @Test
    void namesTheCheckThatFailedAndKeepsTheCause() {
        IllegalArgumentException cause = new IllegalArgumentException("boom");
        Check broken = (expectations, snapshot) -> {
            throw cause;
        };
        SchemaChecks engineWithBug = new SchemaChecks(List.of(broken), BlockingPolicy.standard(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Fixtures seed = healthySeed();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> engineWithBug.evaluate(seed.expectations(), seed.snapshot(), Stage.RUNTIME));
        assertSame(cause, failure.getCause());
        assertTrue(failure.getMessage().contains("at stage runtime failed: boom"), failure.getMessage());
    }
}

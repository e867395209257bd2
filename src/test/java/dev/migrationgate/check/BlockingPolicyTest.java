package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import dev.migrationgate.report.Stage;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compatibility rule, one row per finding code: its severity (and so whether it blocks) before
 * migrations when this version's pending migrations introduce it, before migrations when the database
 * already had it, after migrations and at runtime.
 */
class BlockingPolicyTest {

    private static final Severity E = Severity.ERROR;
    private static final Severity W = Severity.WARNING;

    /** code → {pre-migration introduced, pre-migration already there, post-migration, runtime}. */
    private static final Map<FindingCode, Severity[]> RULE = new EnumMap<>(FindingCode.class);

    static {
        rule(FindingCode.EXTENSION_MISSING, E, E, E, E);
        rule(FindingCode.EXTENSION_UNAVAILABLE, E, E, E, E);
        rule(FindingCode.EXTENSION_PERMISSION_DENIED, E, E, E, E);
        rule(FindingCode.EXTENSION_VERSION_TOO_OLD, E, E, E, E);
        rule(FindingCode.EXTENSION_UPDATE_AVAILABLE, W, W, W, W);
        rule(FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH, W, W, W, W);
        // What the planner cannot prove before migrating is decided after it; behind is blocking then.
        rule(FindingCode.ENUM_TYPE_MISSING, W, W, E, E);
        rule(FindingCode.ENUM_CASE_MISMATCH, E, E, E, E);
        rule(FindingCode.ENUM_LABEL_MISSING, W, W, E, E);
        rule(FindingCode.ENUM_COLUMN_TYPE_MISMATCH, W, W, E, E);
        // Ahead: a newer release's label is compatible; one this version's own scripts add is refused.
        rule(FindingCode.ENUM_LABEL_UNMAPPED, E, W, W, W);
        rule(FindingCode.ENUM_ORDER_DIFFERS, W, W, W, W);
        rule(FindingCode.TIMESTAMP_TZ_MISMATCH, E, E, E, E);
        rule(FindingCode.TIMESTAMP_SESSION_TZ, W, W, W, W);
        rule(FindingCode.MIGRATION_FAILED, E, E, E, E);
        // Pending before migrating is what the next phase applies; afterwards (or in verify mode) it blocks.
        rule(FindingCode.MIGRATION_PENDING, W, W, E, E);
        rule(FindingCode.MIGRATION_CHECKSUM_MISMATCH, E, E, E, E);
        rule(FindingCode.MIGRATION_MISSING, E, E, E, E);
        rule(FindingCode.MIGRATION_FUTURE, W, W, W, W);
        rule(FindingCode.MIGRATION_REJECTED, E, E, E, E);
        rule(FindingCode.MIGRATION_UNVERIFIED, E, E, E, E);
        rule(FindingCode.MIGRATION_NOT_ANALYSED, W, W, W, W);
        rule(FindingCode.DATABASE_UNREACHABLE, E, E, E, E);
        rule(FindingCode.DATABASE_LOCK_TIMEOUT, E, E, E, E);
        rule(FindingCode.GATE_INTERNAL_ERROR, E, E, E, E);
    }

    private static void rule(FindingCode code, Severity preIntroduced, Severity preExisting, Severity post,
            Severity runtime) {
        RULE.put(code, new Severity[] {preIntroduced, preExisting, post, runtime});
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void severityAndBlockingFollowTheRulePerStage(FindingCode code) {
        Severity[] expected = RULE.get(code);
        assertEquals(4, expected == null ? 0 : expected.length, code + " has a row in the rule table");
        assertStamped(code, Stage.PRE_MIGRATION, true, expected[0]);
        assertStamped(code, Stage.PRE_MIGRATION, false, expected[1]);
        assertStamped(code, Stage.POST_MIGRATION, false, expected[2]);
        assertStamped(code, Stage.RUNTIME, false, expected[3]);
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void aCheckDowngradeToWarningIsKeptAndNeverBlocks(FindingCode code) {
        Finding warning = new Finding(code, Severity.WARNING, null, "object", "expected", "actual", "message", null);
        for (Stage stage : Stage.values()) {
            Finding stamped = BlockingPolicy.stamp(warning, stage, true);
            assertEquals(Severity.WARNING, stamped.severity(), code + " " + stage);
            assertFalse(BlockingPolicy.standard().blocks(stamped), code + " " + stage);
        }
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void aFindingStampedElsewhereWithItsDefaultSeverityIsJudgedByTheSameRule(FindingCode code) {
        for (Stage stage : Stage.values()) {
            Finding defaulted = Finding.of(code, "object", "expected", "actual", "message", null).at(stage);
            assertEquals(BlockingPolicy.severity(code, stage, true) == Severity.ERROR,
                    BlockingPolicy.standard().blocks(defaulted), code + " " + stage);
        }
    }

    private static void assertStamped(FindingCode code, Stage stage, boolean introduced, Severity expected) {
        Finding stamped = BlockingPolicy.stamp(Finding.of(code, "object", "expected", "actual", "message", null),
                stage, introduced);
        String where = code + " at " + stage.label() + (introduced ? " (introduced by pending migrations)" : "");
        assertEquals(expected, stamped.severity(), where);
        assertEquals(stage, stamped.stage(), where);
        assertEquals(expected == Severity.ERROR, BlockingPolicy.standard().blocks(stamped), where);
    }
}

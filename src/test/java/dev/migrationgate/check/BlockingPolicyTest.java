package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import dev.migrationgate.report.Stage;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingPolicyTest {

    private static final BlockingPolicy POLICY = BlockingPolicy.standard();

    @Test
    void everyErrorBlocksAfterMigrationAndAtRuntime() {
        for (FindingCode code : FindingCode.values()) {
            Finding error = finding(code, Severity.ERROR);
            assertTrue(POLICY.blocks(error.at(Stage.POST_MIGRATION)), code + " post-migration");
            assertTrue(POLICY.blocks(error.at(Stage.RUNTIME)), code + " runtime");
        }
    }

    @Test
    void warningsNeverBlock() {
        for (FindingCode code : FindingCode.values()) {
            for (Stage stage : Stage.values()) {
                assertFalse(POLICY.blocks(finding(code, Severity.WARNING).at(stage)), code + " " + stage);
            }
        }
    }

    @Test
    void beforeMigrationOnlyExtensionsHistoryDamageAndTheThreeBugsBlock() {
        Set<FindingCode> blocking = EnumSet.noneOf(FindingCode.class);
        for (FindingCode code : FindingCode.values()) {
            if (POLICY.blocks(finding(code, Severity.ERROR).at(Stage.PRE_MIGRATION))) {
                blocking.add(code);
            }
        }
        assertEquals(EnumSet.of(
                FindingCode.EXTENSION_MISSING, FindingCode.EXTENSION_UNAVAILABLE,
                FindingCode.EXTENSION_PERMISSION_DENIED, FindingCode.EXTENSION_VERSION_TOO_OLD,
                FindingCode.EXTENSION_UPDATE_AVAILABLE, FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH,
                FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_LABEL_UNMAPPED, FindingCode.TIMESTAMP_TZ_MISMATCH,
                FindingCode.MIGRATION_FAILED, FindingCode.MIGRATION_CHECKSUM_MISMATCH, FindingCode.MIGRATION_MISSING,
                FindingCode.MIGRATION_FUTURE, FindingCode.MIGRATION_REJECTED, FindingCode.MIGRATION_UNVERIFIED,
                FindingCode.DATABASE_UNREACHABLE, FindingCode.DATABASE_LOCK_TIMEOUT, FindingCode.GATE_INTERNAL_ERROR),
                blocking);
    }

    private static Finding finding(FindingCode code, Severity severity) {
        return new Finding(code, severity, null, "object", "expected", "actual", "message", null);
    }
}

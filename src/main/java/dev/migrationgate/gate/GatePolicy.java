package dev.migrationgate.gate;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which findings block. After migrations and at runtime every ERROR blocks. Before
 * migrations, on the planned schema, only what migrating would make worse or cannot fix blocks:
 * extension errors (scripts depend on them), a damaged history, and the three bugs a pending script
 * must never introduce; what the planner cannot see (statements it does not analyse) falls to
 * post-migration validation, and pending migrations are the point of migrating.
 */
public final class GatePolicy {

    /** Planned-schema findings that stop a pending script from ever being applied. */
    public static final Set<FindingCode> NEVER_MIGRATE_INTO = EnumSet.of(
            FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_LABEL_UNMAPPED, FindingCode.TIMESTAMP_TZ_MISMATCH);

    private GatePolicy() {
    }

    /** Whether {@code finding} (stamped with its stage) blocks the gate. */
    public static boolean blocks(Finding finding) {
        if (!finding.isError()) {
            return false;
        }
        if (finding.stage() != Stage.PRE_MIGRATION) {
            return true;
        }
        return switch (finding.code().concern()) {
            case EXTENSIONS, INFRASTRUCTURE -> true;
            case MIGRATIONS -> finding.code() != FindingCode.MIGRATION_PENDING;
            case ENUMS, TIMESTAMPS -> NEVER_MIGRATE_INTO.contains(finding.code());
        };
    }

    /** The blocking findings among {@code findings}. */
    public static List<Finding> blocking(List<Finding> findings) {
        return findings.stream().filter(GatePolicy::blocks).toList();
    }
}

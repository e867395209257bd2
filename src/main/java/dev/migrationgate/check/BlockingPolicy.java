package dev.migrationgate.check;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.report.Stage;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which findings block the gate; severity alone does not. Kept apart from the findings so the
 * same findings can be judged differently per stage.
 */
@FunctionalInterface
public interface BlockingPolicy {

    /** Whether {@code finding}, already stamped with its stage, blocks start-up or readiness. */
    boolean blocks(Finding finding);

    /** The findings among {@code findings} that block, in their order. */
    default List<Finding> blocking(Collection<Finding> findings) {
        return findings.stream().filter(this::blocks).toList();
    }

    /** The one derivation of a finished report's status: FAILED when a finding blocks, PASSED otherwise. */
    default GateStatus status(Collection<Finding> findings) {
        return findings.stream().anyMatch(this::blocks) ? GateStatus.FAILED : GateStatus.PASSED;
    }

    /** A finished report whose status this policy derives from its findings. */
    default GateReport report(String phase, Map<String, Long> durationsMillis, List<Finding> findings,
            Instant checkedAt) {
        return new GateReport(status(findings), phase, durationsMillis, findings, checkedAt);
    }

    /** Planned-schema findings that stop a pending script from ever being applied. */
    Set<FindingCode> NEVER_MIGRATE_INTO = Collections.unmodifiableSet(EnumSet.of(
            FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_LABEL_UNMAPPED, FindingCode.TIMESTAMP_TZ_MISMATCH));

    /**
     * After migrations and at runtime every ERROR blocks. Before migrations, on the planned schema, only
     * what migrating would make worse or cannot fix blocks: extension errors (scripts depend on them),
     * the database being unreachable, a damaged history, and the three bugs a pending script must never
     * introduce ({@link #NEVER_MIGRATE_INTO}). What the planner cannot see (statements it does not
     * analyse) falls to post-migration validation, and a pending migration is what the next phase applies.
     */
    static BlockingPolicy standard() {
        return finding -> {
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
        };
    }

    /** Every ERROR blocks, at every stage. */
    static BlockingPolicy errors() {
        return Finding::isError;
    }
}

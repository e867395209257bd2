package dev.migrationgate.check;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.report.Severity;
import dev.migrationgate.report.Stage;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what blocks the gate, per finding code <em>and</em> stage (the
 * compatibility rule of the architecture): a database <b>ahead</b> of this version (migrations newer
 * than any local script, enum labels Java does not map that this version's pending migrations did not
 * introduce, extra tables and columns, which no check reports) is compatible and never blocks; a
 * database <b>behind</b> or <b>contradicting</b> it does. The decision is stamped into each finding's
 * severity ({@link #stamp}), so what a report shows as ERROR is exactly what blocks.
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

    /** Codes that mean the database is ahead of this version: compatible, reported, never blocking. */
    Set<FindingCode> AHEAD = Collections.unmodifiableSet(EnumSet.of(
            FindingCode.MIGRATION_FUTURE, FindingCode.ENUM_LABEL_UNMAPPED));

    /**
     * The severity of {@code code} found at {@code stage}, for a finding its check reports as an error.
     * <ul>
     * <li>Before migrations, on the planned schema: extension and infrastructure errors and a damaged
     * history block; of the schema findings only the three bugs a pending script must never introduce
     * ({@link #NEVER_MIGRATE_INTO}) block, and an unmapped label only when this version's own pending
     * migrations introduce it; everything else (a pending migration, what the planner cannot prove) is a
     * warning that post-migration validation decides.</li>
     * <li>After migrations and at runtime: every error blocks except what says the database is
     * {@link #AHEAD} of this version.</li>
     * </ul>
     *
     * @param stage when it was found; {@code null} (not yet placed) is judged as at runtime
     * @param introducedByPendingMigrations whether this version's pending migrations would introduce it
     *     (only meaningful before migrations)
     */
    static Severity severity(FindingCode code, Stage stage, boolean introducedByPendingMigrations) {
        if (code.defaultSeverity() == Severity.WARNING) {
            return Severity.WARNING;
        }
        boolean blocks;
        if (stage == Stage.PRE_MIGRATION) {
            blocks = switch (code.concern()) {
                case EXTENSIONS, INFRASTRUCTURE -> true;
                case MIGRATIONS -> code != FindingCode.MIGRATION_PENDING && code != FindingCode.MIGRATION_FUTURE;
                case ENUMS, TIMESTAMPS -> code == FindingCode.ENUM_LABEL_UNMAPPED ? introducedByPendingMigrations
                        : NEVER_MIGRATE_INTO.contains(code);
            };
        } else {
            blocks = !AHEAD.contains(code);
        }
        return blocks ? Severity.ERROR : Severity.WARNING;
    }

    /**
     * {@code finding} placed at {@code stage} with the severity this policy gives it there; a check's own
     * downgrade to WARNING (an optional extension) is kept, never raised.
     */
    static Finding stamp(Finding finding, Stage stage, boolean introducedByPendingMigrations) {
        Severity severity = finding.severity() == Severity.WARNING ? Severity.WARNING
                : severity(finding.code(), stage, introducedByPendingMigrations);
        return new Finding(finding.code(), severity, stage, finding.object(), finding.expected(), finding.actual(),
                finding.message(), finding.fix());
    }

    /**
     * The gate's policy: a finding blocks when it is an ERROR and its code blocks at its stage
     * ({@link #severity}); a finding stamped elsewhere with its code's default severity is judged the same.
     */
    static BlockingPolicy standard() {
        return finding -> finding.isError()
                && severity(finding.code(), finding.stage(), true) == Severity.ERROR;
    }
}

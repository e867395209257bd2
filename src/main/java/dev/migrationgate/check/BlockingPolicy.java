package dev.migrationgate.check;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;

/**
 * Decides which findings block the gate; severity alone does not. Kept apart from the findings so the
 * same findings can be judged differently per stage.
 */
@FunctionalInterface
public interface BlockingPolicy {

    /** Whether {@code finding}, already stamped with its stage, blocks start-up or readiness. */
    boolean blocks(Finding finding);

    /**
     * Errors block, except a pending migration before migrations ran: applying it is what the next
     * phase does.
     */
    static BlockingPolicy standard() {
        return finding -> finding.isError()
                && !(finding.stage() == Stage.PRE_MIGRATION && finding.code() == FindingCode.MIGRATION_PENDING);
    }

    /** Every ERROR blocks, at every stage. */
    static BlockingPolicy errors() {
        return Finding::isError;
    }
}

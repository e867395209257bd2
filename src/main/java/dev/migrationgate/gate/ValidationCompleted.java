package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.report.GateReport;
import java.time.Duration;
import java.util.Optional;

/**
 * A CDI event fired once per readiness re-validation when it ends: how it ended, how long it took and,
 * when it produced one, its report. Observers run on the thread that completed the validation (often
 * an event loop), so they must not block.
 */
public record ValidationCompleted(Outcome outcome, Duration took, Optional<GateReport> report) {

    /** How a re-validation ended; the lower-case name is the metric label value. */
    public enum Outcome {
        /** The catalog was read and nothing blocks under the gate's policy. */
        PASSED,
        /** The catalog was read and a finding blocks. */
        FAILED,
        /** The validation itself failed (the database refused, the connection broke). */
        ERROR,
        /** The validation did not end within {@code gate.check-timeout}; readiness answered DOWN. */
        TIMEOUT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static ValidationCompleted of(GateReport report, Throwable failure, Duration took) {
        if (failure != null || report == null) {
            return new ValidationCompleted(Outcome.ERROR, took, Optional.empty());
        }
        boolean blocks = report.findings().stream().anyMatch(BlockingPolicy.standard()::blocks);
        return new ValidationCompleted(blocks ? Outcome.FAILED : Outcome.PASSED, took, Optional.of(report));
    }

    static ValidationCompleted timedOut(Duration timeout) {
        return new ValidationCompleted(Outcome.TIMEOUT, timeout, Optional.empty());
    }
}

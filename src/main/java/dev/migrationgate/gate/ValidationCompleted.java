package dev.migrationgate.gate;

import dev.migrationgate.report.GateReport;
import java.time.Duration;
import java.util.Locale;

/**
 * A CDI event fired once per readiness re-validation when it ends ({@link RuntimeValidation}): how it
 * ended, how long it took and the report readiness answers with (for an error or a timeout, the
 * DATABASE_UNREACHABLE report). Observers run on the thread that completed the validation (often an event
 * loop), so they must not block.
 */
public record ValidationCompleted(Outcome outcome, Duration took, GateReport report) {

    /** How a re-validation ended; the lower-case name is the metric label value. */
    public enum Outcome {
        /** The catalog was read and nothing blocks under the gate's policy. */
        PASSED,
        /** The catalog was read and a finding blocks. */
        FAILED,
        /** The validation itself failed (the database refused, the connection broke). */
        ERROR,
        /** The validation did not end within {@code gate.check-timeout}; it was cancelled, readiness DOWN. */
        TIMEOUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

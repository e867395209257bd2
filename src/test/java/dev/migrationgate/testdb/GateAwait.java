package dev.migrationgate.testdb;

import dev.migrationgate.gate.GateReportLog;
import dev.migrationgate.gate.GateState;
import dev.migrationgate.report.GateStatus;
import java.time.Duration;
import java.time.Instant;

/** Waits, with a deadline, for the application's start-up gate to finish. */
public final class GateAwait {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private GateAwait() {
    }

    /** Returns once the gate passed; fails with the report if it failed or the deadline passed. */
    public static void passed(GateState state) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (state.status() == GateStatus.RUNNING && Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
        if (!state.hasPassed()) {
            throw new AssertionError("The gate did not pass within " + DEADLINE + ": "
                    + GateReportLog.details(state.report()));
        }
    }
}

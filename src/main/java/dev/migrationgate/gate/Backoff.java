package dev.migrationgate.gate;

import java.time.Duration;

/** The gate's waits between attempts: each twice the one before, up to a longest. */
final class Backoff {

    private Backoff() {
    }

    /** {@code wait} doubled, or {@code longest} when that is shorter. */
    static Duration doubled(Duration wait, Duration longest) {
        Duration twice = wait.multipliedBy(2);
        return twice.compareTo(longest) > 0 ? longest : twice;
    }
}

package dev.migrationgate.testdb;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Observes something repeatedly until it satisfies a condition or a deadline passes. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /**
     * Returns the first observation that satisfies {@code done}; fails after {@code deadline} with
     * {@code what} and the last observation (or the exception the last attempt threw).
     */
    public static <T> T until(String what, Duration deadline, Supplier<T> observe, Predicate<? super T> done) {
        Instant end = Instant.now().plus(deadline);
        Object last = "nothing observed yet";
        while (true) {
            T observed = null;
            try {
                observed = observe.get();
                if (done.test(observed)) {
                    return observed;
                }
                last = observed;
            } catch (RuntimeException | AssertionError e) {
                last = observed == null ? e : observed + " (" + e + ")";
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Expected " + what + " within " + deadline + "; last observed: " + last);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what + "; last observed: " + last, e);
            }
        }
    }
}

package dev.migrationgate.fault;

import java.time.Duration;
import java.util.List;

/**
 * A lock the gate needs was still held by another session after {@code gate.lock-timeout}. Carries the
 * lock's name and the sessions that held it when the wait ended, as PostgreSQL showed them.
 */
public class LockTimeoutException extends RuntimeException {

    private final String lock;
    private final transient List<LockHolder> holders;

    public LockTimeoutException(String lock, Duration waited, List<LockHolder> holders) {
        super(lock + " still held after " + waited.toMillis() + " ms by " + LockHolder.describe(holders));
        this.lock = lock;
        this.holders = List.copyOf(holders);
    }

    /** The lock waited for, e.g. {@code the gate's extension lock}. */
    public String lock() {
        return lock;
    }

    /** Who held it when the wait ended; empty when the holder had gone by the time it was looked up. */
    public List<LockHolder> holders() {
        return holders;
    }
}

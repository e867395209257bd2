package dev.migrationgate.gate;

import com.fasterxml.jackson.annotation.JsonValue;

/** The start-up phases of the gate, in the order they run. */
public enum GatePhase {
    /** No phase has begun yet in this run (the worker is starting or restarting). */
    STARTING("starting"),
    /** Waiting for the database, with back-off, until {@code gate.connect-timeout}. */
    CONNECT("connect"),
    /** Creating missing extensions under the gate's advisory lock. */
    EXTENSIONS("extensions"),
    /** Flyway validation of the applied history and checks on the planned schema. */
    PRE_MIGRATION("pre-migration"),
    /** {@code gate.mode=verify}: waiting for the migration Job to apply the migrations this build carries. */
    AWAIT_MIGRATIONS("await-migrations"),
    /** Flyway migrate. */
    MIGRATE("migrate"),
    /** The full engine on the live catalog. */
    POST_MIGRATION("post-migration"),
    /** {@code gate.mode=rehearse}: the whole release in one transaction, checked, always rolled back. */
    REHEARSE("rehearse"),
    /** The gate passed; readiness now re-validates the live catalog. */
    READY("ready");

    private final String label;

    GatePhase(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}

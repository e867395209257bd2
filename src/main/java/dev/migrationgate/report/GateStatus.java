package dev.migrationgate.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the database passed the gate. */
public enum GateStatus {
    /** The gate is still working through its phases. */
    RUNNING,
    /** No finding blocks. */
    PASSED,
    /** At least one finding blocks. */
    FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

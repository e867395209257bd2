package dev.migrationgate.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a finding was made: before Flyway ran, after it, or by a runtime re-validation. */
public enum Stage {
    PRE_MIGRATION("pre-migration"),
    POST_MIGRATION("post-migration"),
    RUNTIME("runtime");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name used in the JSON report. */
    @JsonValue
    public String label() {
        return label;
    }
}

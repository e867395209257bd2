package dev.migrationgate.expect.model;

/** An enum persisted through {@link PriorityConverter} by a lowercase code. */
public enum Priority {
    LOW("low"),
    NORMAL("normal"),
    URGENT("urgent");

    final String code;

    Priority(String code) {
        this.code = code;
    }
}

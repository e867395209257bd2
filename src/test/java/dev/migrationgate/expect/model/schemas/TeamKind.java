package dev.migrationgate.expect.model.schemas;

import jakarta.persistence.EnumeratedValue;

/** Persisted by value in the enum type {@code org.teamkind}, used by tables in {@code org} and {@code public}. */
public enum TeamKind {
    CORE("core"),
    GUEST("guest");

    @EnumeratedValue
    private final String value;

    TeamKind(String value) {
        this.value = value;
    }
}

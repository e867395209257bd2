package dev.migrationgate.expect.model;

import jakarta.persistence.EnumeratedValue;

/** An enum stored in a PostgreSQL enum type named by {@code columnDefinition}, not by the class. */
public enum Severity {
    MINOR("minor"),
    MAJOR("major"),
    BLOCKER("blocker");

    @EnumeratedValue
    private final String value;

    Severity(String value) {
        this.value = value;
    }
}

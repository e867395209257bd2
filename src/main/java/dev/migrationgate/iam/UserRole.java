package dev.migrationgate.iam;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** A user's role; persisted in the PostgreSQL enum type {@code userrole} by its lowercase value. */
public enum UserRole implements PersistedValue {
    SYSADMIN("sysadmin"),
    ADMIN("admin"),
    USER("user");

    @EnumeratedValue
    private final String value;

    UserRole(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }
}

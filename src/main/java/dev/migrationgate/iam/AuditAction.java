package dev.migrationgate.iam;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/** What an audit log entry records; persisted in the PostgreSQL enum type {@code auditaction}. */
public enum AuditAction implements PersistedValue {
    CREATE("create"),
    READ("read"),
    UPDATE("update"),
    DELETE("delete"),
    LOGIN("login"),
    LOGOUT("logout"),
    PERMISSION_CHANGE("permission_change");

    @EnumeratedValue
    private final String value;

    AuditAction(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }
}

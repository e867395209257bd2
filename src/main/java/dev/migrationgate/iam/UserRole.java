package dev.migrationgate.iam;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.EnumeratedValue;

/**
 * A user's role; persisted in the PostgreSQL enum type {@code userrole} by its lowercase value. Declared
 * from the most to the least powerful.
 */
public enum UserRole implements PersistedValue {
    SYSADMIN(Roles.SYSADMIN),
    ADMIN(Roles.ADMIN),
    USER(Roles.USER);

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

    /** True when this role may do more than {@code other}. */
    public boolean outranks(UserRole other) {
        return ordinal() < other.ordinal();
    }

    /** The role persisted as {@code value}. */
    public static UserRole of(String value) {
        for (UserRole role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + value);
    }
}

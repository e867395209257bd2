package dev.migrationgate.plan;

import java.util.Objects;

/**
 * A pending SQL migration as the planner reads it.
 *
 * @param name the script name Flyway reports, e.g. {@code V2__roles.sql}; named in every location
 * @param sql the script text, after Flyway's placeholder replacement
 */
public record PendingScript(String name, String sql) {

    public PendingScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
    }
}

package dev.migrationgate.inspect;

import java.util.List;

/**
 * The settings of the inspecting session that change how the schema behaves.
 *
 * @param sessionTimeZone {@code current_setting('TimeZone')} of the inspecting session
 * @param defaultTimeZone the TimeZone a new session starts with ({@code pg_settings.reset_val}:
 *     server, database or role setting)
 * @param searchPath {@code current_schemas(true)}: the effective search path, implicit schemas included
 * @param currentUser the role the inspecting session runs as
 * @param superuser whether that role is a superuser
 */
public record SessionSettings(String sessionTimeZone, String defaultTimeZone, List<String> searchPath,
        String currentUser, boolean superuser) {

    public SessionSettings {
        searchPath = List.copyOf(searchPath);
    }
}

package dev.migrationgate.inspect;

import java.util.Optional;

/**
 * An extension the server offers or the database has.
 *
 * @param defaultVersion the version {@code CREATE EXTENSION} would install; empty when the server has no
 *     package for an installed extension
 * @param installedVersion the created version in this database, empty when not created
 * @param schema the schema the created extension lives in
 * @param superuserRequired from {@code pg_available_extension_versions.superuser} for the default version
 * @param trusted from {@code pg_available_extension_versions.trusted} for the default version
 */
public record PgExtension(String name, Optional<String> defaultVersion, Optional<String> installedVersion,
        Optional<String> schema, boolean superuserRequired, boolean trusted) {

    public boolean installed() {
        return installedVersion.isPresent();
    }

    public boolean available() {
        return defaultVersion.isPresent();
    }
}

package dev.migrationgate.inspect;

import java.util.List;

/**
 * An immutable picture of what the checks need from one database, read in a fixed number of catalog
 * queries plus Flyway's history, whatever the schema size.
 *
 * @param enumTypes every enum type of the database not owned by an extension
 * @param columns the columns of the mapped tables
 * @param extensions the extensions the server offers or the database has
 */
public record CatalogSnapshot(List<PgEnumType> enumTypes, List<PgColumn> columns, List<PgExtension> extensions,
        SessionSettings settings, MigrationHistory migrations) {

    public CatalogSnapshot {
        enumTypes = List.copyOf(enumTypes);
        columns = List.copyOf(columns);
        extensions = List.copyOf(extensions);
    }
}

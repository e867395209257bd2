package dev.migrationgate.testdb;

import java.util.List;

/**
 * What a refused or rehearsed migration must leave untouched, read as the administrative user: every enum
 * label ({@code pg_enum}), every relation outside the system schemas ({@code pg_class}) and the columns of
 * schema {@code public}, every extension and every row of Flyway's history. Two states are equal only if nothing of the kind changed.
 */
public record CatalogState(List<String> enumLabels, List<String> relations, List<String> columns,
        List<String> extensions,
        List<String> history) {

    /** The state of {@code database} now. */
    public static CatalogState of(String database) {
        List<String> labels = AdminSql.column(database, "SELECT t.typname || ':' || e.enumlabel || ':' || e.enumsortorder"
                + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder");
        List<String> relations = AdminSql.column(database, "SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                + " ORDER BY 1");
        List<String> columns = AdminSql.column(database, "SELECT table_name || '.' || column_name || ':' || data_type"
                + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1");
        List<String> extensions = AdminSql.column(database, "SELECT extname FROM pg_extension ORDER BY 1");
        List<String> history = relations.contains("public.flyway_schema_history:r")
                ? AdminSql.column(database, "SELECT installed_rank || ' ' || coalesce(version, 'R') || ' ' || script"
                        + " || ' ' || coalesce(checksum::text, '-') || ' ' || success FROM flyway_schema_history"
                        + " ORDER BY installed_rank")
                : List.of();
        return new CatalogState(labels, relations, columns, extensions, history);
    }
}

package dev.migrationgate.check;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a mapped column in a snapshot the way PostgreSQL resolves the names Hibernate's session uses: a
 * schema-qualified table ({@code org.teams}, from {@code @Table(schema = …)} or a default schema) in
 * that schema; an unqualified one where the search path finds it first. Also names objects in findings:
 * schema-qualified unless in the default schema (the first schema of the search path). Indexed once per
 * snapshot, so that a look-up costs the same whatever the schema size.
 */
final class Columns {

    private final Map<String, Map<String, PgColumn>> byTable;
    private final Map<String, Map<String, PgColumn>> byQualifiedTable;
    private final List<String> searchPath;

    private Columns(List<PgColumn> columns, List<String> searchPath) {
        this.searchPath = searchPath;
        this.byTable = new HashMap<>();
        this.byQualifiedTable = new HashMap<>();
        for (PgColumn column : columns) {
            byTable.computeIfAbsent(column.table(), t -> new HashMap<>())
                    .merge(column.column(), column, (kept, other) -> rank(other.schema()) < rank(kept.schema())
                            ? other : kept);
            byQualifiedTable.computeIfAbsent(column.schema() + "." + column.table(), t -> new HashMap<>())
                    .put(column.column(), column);
        }
    }

    static Columns of(CatalogSnapshot snapshot) {
        List<String> path = snapshot.settings() == null ? List.of() : snapshot.settings().searchPath();
        return new Columns(snapshot.columns(), path);
    }

    /** The column {@code column} of {@code table}, which is {@code name} or {@code schema.name}. */
    Optional<PgColumn> find(String table, String column) {
        return Optional.ofNullable(columns(table).get(column));
    }

    boolean hasTable(String table) {
        return !columns(table).isEmpty();
    }

    private Map<String, PgColumn> columns(String table) {
        Map<String, Map<String, PgColumn>> index = table.indexOf('.') >= 0 ? byQualifiedTable : byTable;
        return index.getOrDefault(table, Map.of());
    }

    /** Position of {@code schema} on the search path; schemas off the path rank last. */
    int rank(String schema) {
        int index = searchPath.indexOf(schema);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** {@code name} as findings name an object of {@code schema}: qualified unless in the default schema. */
    String objectName(String schema, String name) {
        return schema == null || schema.equals(defaultSchema()) ? name : schema + "." + name;
    }

    private String defaultSchema() {
        return searchPath.stream().filter(s -> !s.equals("pg_catalog") && !s.startsWith("pg_temp")).findFirst()
                .orElse("public");
    }

    /** What a missing column is called in findings: {@code table missing} or {@code column missing}. */
    String absence(String table) {
        return hasTable(table) ? "column missing" : "table missing";
    }
}

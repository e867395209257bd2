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
 * snapshot (the checks of one evaluation share the index of the snapshot they judge), so that a look-up
 * costs the same whatever the schema size.
 */
final class Columns {

    /** The index of the snapshot indexed last: the checks of one evaluation judge the same snapshot in turn. */
    private static volatile Columns last;

    private final CatalogSnapshot snapshot;
    private final Map<String, Map<String, PgColumn>> byTable;
    private final Map<String, Map<String, PgColumn>> byQualifiedTable;
    private final List<String> searchPath;
    private final String defaultSchema;

    private Columns(CatalogSnapshot snapshot, List<String> searchPath) {
        this.snapshot = snapshot;
        this.searchPath = searchPath;
        this.defaultSchema = searchPath.stream().filter(s -> !s.equals("pg_catalog") && !s.startsWith("pg_temp"))
                .findFirst().orElse("public");
        this.byTable = new HashMap<>();
        this.byQualifiedTable = new HashMap<>();
        String schema = null;
        String table = null;
        Map<String, PgColumn> unqualified = null;
        Map<String, PgColumn> qualified = null;
        for (PgColumn column : snapshot.columns()) {
            if (!column.table().equals(table) || !column.schema().equals(schema)) {
                schema = column.schema();
                table = column.table();
                unqualified = byTable.computeIfAbsent(table, t -> new HashMap<>());
                qualified = byQualifiedTable.computeIfAbsent(schema + "." + table, t -> new HashMap<>());
            }
            unqualified.merge(column.column(), column, (kept, other) -> rank(other.schema()) < rank(kept.schema())
                    ? other : kept);
            qualified.put(column.column(), column);
        }
    }

    /** The index of {@code snapshot}, built on its first use and shared while it is the snapshot judged. */
    static Columns of(CatalogSnapshot snapshot) {
        Columns cached = last;
        if (cached != null && cached.snapshot == snapshot) {
            return cached;
        }
        List<String> path = snapshot.settings() == null ? List.of() : snapshot.settings().searchPath();
        Columns built = new Columns(snapshot, path);
        last = built;
        return built;
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
        return schema == null || schema.equals(defaultSchema) ? name : schema + "." + name;
    }

    /** What a missing column is called in findings: {@code table missing} or {@code column missing}. */
    String absence(String table) {
        return hasTable(table) ? "column missing" : "table missing";
    }
}

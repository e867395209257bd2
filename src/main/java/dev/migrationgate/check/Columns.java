package dev.migrationgate.check;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a mapped column in a snapshot the way PostgreSQL resolves the application's unqualified
 * names: when a table exists in several schemas, the one earliest on the search path wins. Indexed
 * once per snapshot, so that a look-up costs the same whatever the schema size.
 */
final class Columns {

    private final Map<String, Map<String, PgColumn>> byTable;
    private final List<String> searchPath;

    private Columns(List<PgColumn> columns, List<String> searchPath) {
        this.searchPath = searchPath;
        this.byTable = new HashMap<>();
        for (PgColumn column : columns) {
            byTable.computeIfAbsent(column.table(), t -> new HashMap<>())
                    .merge(column.column(), column, (kept, other) -> rank(other.schema()) < rank(kept.schema())
                            ? other : kept);
        }
    }

    static Columns of(CatalogSnapshot snapshot) {
        List<String> path = snapshot.settings() == null ? List.of() : snapshot.settings().searchPath();
        return new Columns(snapshot.columns(), path);
    }

    Optional<PgColumn> find(String table, String column) {
        return Optional.ofNullable(byTable.getOrDefault(table, Map.of()).get(column));
    }

    boolean hasTable(String table) {
        return byTable.containsKey(table);
    }

    /** Position of {@code schema} on the search path; schemas off the path rank last. */
    int rank(String schema) {
        int index = searchPath.indexOf(schema);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** What a missing column is called in findings: {@code table missing} or {@code column missing}. */
    String absence(String table) {
        return hasTable(table) ? "column missing" : "table missing";
    }
}

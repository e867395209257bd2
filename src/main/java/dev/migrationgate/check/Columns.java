package dev.migrationgate.check;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds a mapped column in a snapshot the way PostgreSQL resolves the application's unqualified
 * names: when a table exists in several schemas, the one earliest on the search path wins.
 */
final class Columns {

    private final List<PgColumn> columns;
    private final List<String> searchPath;

    private Columns(List<PgColumn> columns, List<String> searchPath) {
        this.columns = columns;
        this.searchPath = searchPath;
    }

    static Columns of(CatalogSnapshot snapshot) {
        List<String> path = snapshot.settings() == null ? List.of() : snapshot.settings().searchPath();
        return new Columns(snapshot.columns(), path);
    }

    Optional<PgColumn> find(String table, String column) {
        return columns.stream()
                .filter(c -> c.table().equals(table) && c.column().equals(column))
                .min(Comparator.comparingInt(c -> rank(c.schema())));
    }

    boolean hasTable(String table) {
        return columns.stream().anyMatch(c -> c.table().equals(table));
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

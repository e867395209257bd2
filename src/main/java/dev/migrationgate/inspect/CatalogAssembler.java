package dev.migrationgate.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps the rows of the catalog queries to the records of one {@link CatalogSnapshot}, the columns ordered by
 * schema, table and position; keeps the rows of {@code extensions.sql} and of {@code installed-extensions.sql}
 * apart, and the history fingerprint, for {@link CatalogRead} to decide what else to read.
 */
final class CatalogAssembler {

    private static final Comparator<PositionedColumn> COLUMN_ORDER = Comparator
            .comparing((PositionedColumn p) -> p.column().schema())
            .thenComparing(p -> p.column().table())
            .thenComparingInt(PositionedColumn::position);

    private final List<PgEnumType> enumTypes = new ArrayList<>();
    private final List<PositionedColumn> columns = new ArrayList<>();
    private final List<PgExtension> extensions = new ArrayList<>();
    private final List<PgExtension> created = new ArrayList<>();
    private SessionSettings settings;
    private HistoryFingerprint fingerprint;

    /** Takes one row of {@code query}'s result. */
    void accept(CatalogQuery query, CatalogRow row) {
        switch (query) {
            case ENUM_TYPES -> enumTypes.add(new PgEnumType(row.text("type_schema"), row.text("type_name"),
                    row.texts("labels")));
            case COLUMNS -> columns.add(new PositionedColumn(new PgColumn(row.text("table_schema"),
                    row.text("table_name"), row.text("column_name"), row.text("format_type"), row.text("type_schema"),
                    row.text("type_name"), row.flag("enum_type")), row.integer("column_position")));
            case EXTENSIONS, INSTALLED_EXTENSIONS -> {
                if (settings == null) {
                    settings = new SessionSettings(row.text("session_time_zone"), row.text("default_time_zone"),
                            row.texts("search_path"), row.text("role_name"), row.flag("role_superuser"));
                }
                String name = row.text("extension_name");
                if (name != null) {
                    (query == CatalogQuery.EXTENSIONS ? extensions : created).add(new PgExtension(name, Optional.ofNullable(row.text("default_version")),
                            Optional.ofNullable(row.text("installed_version")),
                            Optional.ofNullable(row.text("extension_schema")), row.flag("superuser_required"),
                            row.flag("trusted")));
                }
            }
            case HISTORY -> fingerprint = HistoryFingerprint.of(row);
        }
    }

    /** The rows of {@code extensions.sql} taken so far. */
    List<PgExtension> extensions() {
        return extensions;
    }

    /** The rows of {@code installed-extensions.sql} taken so far. */
    List<PgExtension> created() {
        return created;
    }

    /** The fingerprint of the history table, when {@code history.sql} was run. */
    Optional<HistoryFingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** The snapshot of every row taken so far, with {@code history}. */
    CatalogSnapshot snapshot(MigrationHistory history) {
        return snapshot(extensions, history);
    }

    /** The snapshot of the enum types, columns and settings taken so far, with these extensions and {@code history}. */
    CatalogSnapshot snapshot(List<PgExtension> extensions, MigrationHistory history) {
        if (settings == null) {
            throw new IllegalStateException("The extensions query returned no row, so no session settings");
        }
        List<PgColumn> ordered = columns.stream().sorted(COLUMN_ORDER).map(PositionedColumn::column).toList();
        return new CatalogSnapshot(enumTypes, ordered, extensions, settings, history);
    }

    /** A column with its {@code attnum}. */
    private record PositionedColumn(PgColumn column, int position) {
    }
}

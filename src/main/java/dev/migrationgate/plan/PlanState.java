package dev.migrationgate.plan;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.SessionSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The planner's working copy of the enum types and columns while it replays pending scripts, with
 * the name resolution PostgreSQL applies (search path) and the record of which statement changed
 * which object. Mutable; {@link #copy()} lets a statement be applied all-or-nothing. A copy shares the column
 * maps of its tables and the change records with its original until it changes one (copy on write: a table's
 * columns are copied the first time the copy hands them out), so replaying many scripts costs each statement
 * the tables it touches, not the whole planned schema.
 */
final class PlanState {

    /** A schema-qualified object. */
    record Key(String schema, String name) {
    }

    private static final String DEFAULT_SCHEMA = "public";

    private final List<String> defaultSearchPath;
    private final String namingSchema;
    private final List<String> visibleSchemas;
    private List<String> searchPath;
    private final LinkedHashMap<Key, List<String>> enums;
    private final LinkedHashMap<Key, LinkedHashMap<String, ColumnType>> tables;
    private final LinkedHashMap<String, List<ScriptLocation>> changes;
    /** The tables whose column maps this state owns and may change in place; the others it shares. */
    private final Set<Key> ownedTables;

    private PlanState(List<String> defaultSearchPath, String namingSchema, List<String> visibleSchemas,
            List<String> searchPath, LinkedHashMap<Key, List<String>> enums,
            LinkedHashMap<Key, LinkedHashMap<String, ColumnType>> tables, LinkedHashMap<String, List<ScriptLocation>> changes,
            Set<Key> ownedTables) {
        this.defaultSearchPath = defaultSearchPath;
        this.namingSchema = namingSchema;
        this.visibleSchemas = visibleSchemas;
        this.searchPath = searchPath;
        this.enums = enums;
        this.tables = tables;
        this.changes = changes;
        this.ownedTables = ownedTables;
    }

    /**
     * The state of the live catalog, before any pending script, with the search path of Flyway's
     * migration session: Flyway puts its default schema in front of the connection's search path.
     *
     * @param migrationSchema Flyway's default schema, {@code null} when none is configured
     */
    static PlanState of(CatalogSnapshot live, String migrationSchema) {
        SessionSettings settings = live.settings();
        List<String> visible = settings == null || settings.searchPath().isEmpty()
                ? List.of("pg_catalog", DEFAULT_SCHEMA) : settings.searchPath();
        List<String> path = visible.stream()
                .filter(schema -> !schema.equals("pg_catalog") && !schema.startsWith("pg_temp"))
                .toList();
        List<String> sessionPath = path.isEmpty() ? List.of(DEFAULT_SCHEMA) : path;
        List<String> defaultPath = new ArrayList<>();
        if (migrationSchema != null) {
            defaultPath.add(migrationSchema);
        }
        sessionPath.stream().filter(schema -> !defaultPath.contains(schema)).forEach(defaultPath::add);
        LinkedHashMap<Key, List<String>> enums = new LinkedHashMap<>();
        for (PgEnumType type : live.enumTypes()) {
            enums.put(new Key(type.schema(), type.name()), type.labels());
        }
        LinkedHashMap<Key, LinkedHashMap<String, ColumnType>> tables = new LinkedHashMap<>();
        for (PgColumn column : live.columns()) {
            tables.computeIfAbsent(new Key(column.schema(), column.table()), key -> new LinkedHashMap<>())
                    .put(column.column(), new ColumnType(column.formatType(), column.typeSchema(), column.typeName(),
                            column.enumType()));
        }
        return new PlanState(List.copyOf(defaultPath), sessionPath.get(0), visible, List.copyOf(defaultPath), enums,
                tables, new LinkedHashMap<>(), new HashSet<>(tables.keySet()));
    }

    /**
     * A copy to apply a statement to: changing it never changes this state, nor changing this state the copy
     * (both share the column maps until either hands one out, and then copies it first).
     */
    PlanState copy() {
        ownedTables.clear();
        return new PlanState(defaultSearchPath, namingSchema, visibleSchemas, searchPath, new LinkedHashMap<>(enums),
                new LinkedHashMap<>(tables), new LinkedHashMap<>(changes), new HashSet<>());
    }

    /** Sets the search path for the statements that follow; {@code null} restores the session's default. */
    void setSearchPath(List<String> schemas) {
        searchPath = schemas == null || schemas.isEmpty() ? defaultSearchPath : List.copyOf(schemas);
    }

    /** The schemas {@code format_type} treats as visible: the inspecting session's search path. */
    List<String> visibleSchemas() {
        return visibleSchemas;
    }

    /** The schema a {@code CREATE} of {@code name} puts the object in. */
    String creationSchema(ObjectName name) {
        return name.schema() != null ? name.schema() : searchPath.get(0);
    }

    Optional<Key> findEnum(ObjectName name) {
        return find(enums, name);
    }

    Optional<Key> findTable(ObjectName name) {
        return find(tables, name);
    }

    private <V> Optional<Key> find(Map<Key, V> objects, ObjectName name) {
        List<String> schemas = name.schema() != null ? List.of(name.schema()) : searchPath;
        return schemas.stream().map(schema -> new Key(schema, name.name())).filter(objects::containsKey).findFirst();
    }

    List<String> labels(Key type) {
        return enums.get(type);
    }

    void putEnum(Key type, List<String> labels) {
        enums.put(type, List.copyOf(labels));
    }

    void removeEnum(Key type) {
        enums.remove(type);
    }

    void renameEnum(Key type, String newName) {
        rename(enums, type, newName, UnaryOperator.identity());
    }

    /** The tables, in the order they were first seen. */
    List<Key> tableKeys() {
        return List.copyOf(tables.keySet());
    }

    /**
     * The columns of {@code table} in order, modifiable (this state's own copy from the first call on), or
     * {@code null} when the table is unknown.
     */
    Map<String, ColumnType> columns(Key table) {
        LinkedHashMap<String, ColumnType> columns = tables.get(table);
        if (columns != null && ownedTables.add(table)) {
            columns = new LinkedHashMap<>(columns);
            tables.put(table, columns);
        }
        return columns;
    }

    Map<String, ColumnType> createTable(Key table) {
        Map<String, ColumnType> existing = columns(table);
        if (existing != null) {
            return existing;
        }
        LinkedHashMap<String, ColumnType> columns = new LinkedHashMap<>();
        tables.put(table, columns);
        ownedTables.add(table);
        return columns;
    }

    void removeTable(Key table) {
        tables.remove(table);
        ownedTables.remove(table);
    }

    void renameTable(Key table, String newName) {
        rename(tables, table, newName, LinkedHashMap::new);
        ownedTables.clear();
        ownedTables.addAll(tables.keySet());
    }

    /** Renames {@code column} of {@code table} in place, keeping the column order. */
    void renameColumn(Key table, String column, String newName) {
        LinkedHashMap<String, ColumnType> renamed = new LinkedHashMap<>();
        tables.get(table).forEach((name, type) -> renamed.put(name.equals(column) ? newName : name, type));
        tables.put(table, renamed);
        ownedTables.add(table);
    }

    private static <V> void rename(LinkedHashMap<Key, V> objects, Key key, String newName, UnaryOperator<V> copy) {
        LinkedHashMap<Key, V> renamed = new LinkedHashMap<>();
        objects.forEach((k, v) -> renamed.put(k.equals(key) ? new Key(k.schema(), newName) : k, copy.apply(v)));
        objects.clear();
        objects.putAll(renamed);
    }

    /** Records that {@code at} changed {@code object}, keyed as findings name it. */
    void recordChange(Key object, ScriptLocation at) {
        record(objectName(object), at);
    }

    /** Records that {@code at} changed {@code column} of {@code table}, keyed as findings name it. */
    void recordChange(Key table, String column, ScriptLocation at) {
        record(objectName(table) + "." + column, at);
    }

    /** Adds {@code at} to the changes of {@code object} in a new list: the lists may be shared with the original. */
    private void record(String object, ScriptLocation at) {
        changes.merge(object, List.of(at), (earlier, added) -> {
            List<ScriptLocation> locations = new ArrayList<>(earlier);
            locations.addAll(added);
            return List.copyOf(locations);
        });
    }

    /** {@code object} named as findings name it: schema-qualified unless in the inspecting session's default schema. */
    private String objectName(Key object) {
        return object.schema().equals(namingSchema) ? object.name() : object.schema() + "." + object.name();
    }

    Map<String, List<ScriptLocation>> changes() {
        return changes;
    }

    /** The planned catalog: this state's enum types and columns, everything else as in {@code live}. */
    CatalogSnapshot toSnapshot(CatalogSnapshot live) {
        List<PgEnumType> enumTypes = new ArrayList<>();
        enums.forEach((key, labels) -> enumTypes.add(new PgEnumType(key.schema(), key.name(), labels)));
        List<PgColumn> columns = new ArrayList<>();
        tables.forEach((table, tableColumns) -> tableColumns.forEach((name, type) -> columns.add(new PgColumn(
                table.schema(), table.name(), name, type.formatType(), type.typeSchema(), type.typeName(),
                type.enumType()))));
        return new CatalogSnapshot(enumTypes, columns, live.extensions(), live.settings(), live.migrations());
    }
}

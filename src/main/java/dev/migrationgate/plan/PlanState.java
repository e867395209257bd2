package dev.migrationgate.plan;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.SessionSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The planner's working copy of the enum types and columns while it replays pending scripts, with
 * the name resolution PostgreSQL applies (search path) and the record of which statement changed
 * which object. Mutable; {@link #copy()} lets a statement be applied all-or-nothing.
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

    private PlanState(List<String> defaultSearchPath, String namingSchema, List<String> visibleSchemas,
            List<String> searchPath, LinkedHashMap<Key, List<String>> enums,
            LinkedHashMap<Key, LinkedHashMap<String, ColumnType>> tables, LinkedHashMap<String, List<ScriptLocation>> changes) {
        this.defaultSearchPath = defaultSearchPath;
        this.namingSchema = namingSchema;
        this.visibleSchemas = visibleSchemas;
        this.searchPath = searchPath;
        this.enums = enums;
        this.tables = tables;
        this.changes = changes;
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
                tables, new LinkedHashMap<>());
    }

    PlanState copy() {
        LinkedHashMap<Key, LinkedHashMap<String, ColumnType>> tablesCopy = new LinkedHashMap<>();
        tables.forEach((key, columns) -> tablesCopy.put(key, new LinkedHashMap<>(columns)));
        LinkedHashMap<String, List<ScriptLocation>> changesCopy = new LinkedHashMap<>();
        changes.forEach((object, locations) -> changesCopy.put(object, new ArrayList<>(locations)));
        return new PlanState(defaultSearchPath, namingSchema, visibleSchemas, searchPath, new LinkedHashMap<>(enums),
                tablesCopy, changesCopy);
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

    /** The columns of {@code table} in order, modifiable, or {@code null} when the table is unknown. */
    Map<String, ColumnType> columns(Key table) {
        return tables.get(table);
    }

    Map<String, ColumnType> createTable(Key table) {
        return tables.computeIfAbsent(table, key -> new LinkedHashMap<>());
    }

    void removeTable(Key table) {
        tables.remove(table);
    }

    void renameTable(Key table, String newName) {
        rename(tables, table, newName, LinkedHashMap::new);
    }

    /** Renames {@code column} of {@code table} in place, keeping the column order. */
    void renameColumn(Key table, String column, String newName) {
        LinkedHashMap<String, ColumnType> renamed = new LinkedHashMap<>();
        tables.get(table).forEach((name, type) -> renamed.put(name.equals(column) ? newName : name, type));
        tables.put(table, renamed);
    }

    private static <V> void rename(LinkedHashMap<Key, V> objects, Key key, String newName, UnaryOperator<V> copy) {
        LinkedHashMap<Key, V> renamed = new LinkedHashMap<>();
        objects.forEach((k, v) -> renamed.put(k.equals(key) ? new Key(k.schema(), newName) : k, copy.apply(v)));
        objects.clear();
        objects.putAll(renamed);
    }

    /** Records that {@code at} changed {@code object}, keyed as findings name it. */
    void recordChange(Key object, ScriptLocation at) {
        changes.computeIfAbsent(objectName(object), o -> new ArrayList<>()).add(at);
    }

    /** Records that {@code at} changed {@code column} of {@code table}, keyed as findings name it. */
    void recordChange(Key table, String column, ScriptLocation at) {
        changes.computeIfAbsent(objectName(table) + "." + column, o -> new ArrayList<>()).add(at);
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

package dev.migrationgate.plan;

import java.util.Optional;

/**
 * Resolves a written column type against the planned catalog as PostgreSQL would: built-in types
 * first ({@code pg_catalog} is searched first), then the enum types along the search path. Any other
 * type (an extension's, a domain, a composite) is described by its name, as {@code format_type} prints
 * it, and is not an enum: the only enum types a column can have are those of the planned catalog,
 * unless they were created by a statement the planner lists as not analysed.
 */
final class TypeResolver {

    private TypeResolver() {
    }

    static ColumnType resolve(TypeSyntax type, PlanState state) {
        Optional<ColumnType> builtin = BuiltinTypes.resolve(type);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        Optional<PlanState.Key> enumType = state.findEnum(new ObjectName(type.schema(), type.name()));
        if (enumType.isPresent()) {
            return enumColumn(enumType.get(), type.array(), state);
        }
        String schema = type.schema() != null ? type.schema() : schemaOfKnownType(type.name(), state)
                .orElseGet(() -> state.creationSchema(ObjectName.unqualified(type.name())));
        String format = PgIdentifiers.typeName(schema, type.name(), state.visibleSchemas())
                + (type.modifiers().isEmpty() ? "" : "(" + String.join(",", type.modifiers()) + ")");
        return type.array()
                ? new ColumnType(format + "[]", schema, "_" + type.name(), false)
                : new ColumnType(format, schema, type.name(), false);
    }

    /** The type of a column of enum type {@code type}, or of an array of it. */
    static ColumnType enumColumn(PlanState.Key type, boolean array, PlanState state) {
        String format = PgIdentifiers.typeName(type.schema(), type.name(), state.visibleSchemas());
        return array
                ? new ColumnType(format + "[]", type.schema(), "_" + type.name(), false)
                : new ColumnType(format, type.schema(), type.name(), true);
    }

    /** The schema of a type that is neither built in nor an enum, taken from a known column of that type. */
    private static Optional<String> schemaOfKnownType(String name, PlanState state) {
        return state.tableKeys().stream()
                .map(state::columns)
                .flatMap(columns -> columns.values().stream())
                .filter(column -> !column.enumType() && !column.typeSchema().equals("pg_catalog")
                        && column.elementTypeName().equals(name))
                .map(ColumnType::typeSchema)
                .findFirst();
    }
}

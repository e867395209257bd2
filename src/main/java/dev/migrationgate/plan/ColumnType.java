package dev.migrationgate.plan;

/**
 * A column's type as the catalog would describe it, the type-related part of a
 * {@link dev.migrationgate.inspect.PgColumn}.
 *
 * @param formatType what {@code format_type(atttypid, atttypmod)} prints
 * @param typeSchema the schema of the type
 * @param typeName {@code pg_type.typname}
 * @param enumType whether the type is an enum type
 */
record ColumnType(String formatType, String typeSchema, String typeName, boolean enumType) {

    boolean isArray() {
        return formatType.endsWith("[]");
    }

    /** The {@code typname} of the element type: the type itself unless this is an array. */
    String elementTypeName() {
        return isArray() && typeName.startsWith("_") ? typeName.substring(1) : typeName;
    }
}

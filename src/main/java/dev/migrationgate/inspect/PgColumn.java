package dev.migrationgate.inspect;

/**
 * A column of a mapped table.
 *
 * @param formatType {@code format_type(atttypid, atttypmod)}, e.g. {@code timestamp(6) without time zone}
 * @param typeSchema the schema of the column's type
 * @param typeName the column type's {@code pg_type.typname} (for an enum column, the enum type's name)
 * @param enumType whether the column's type is an enum type ({@code typtype = 'e'})
 */
public record PgColumn(String schema, String table, String column, String formatType, String typeSchema,
        String typeName, boolean enumType) {

    /** {@code table.column}, the object named in findings. */
    public String qualifiedName() {
        return table + "." + column;
    }
}

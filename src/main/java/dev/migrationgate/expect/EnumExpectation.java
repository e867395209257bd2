package dev.migrationgate.expect;

import java.util.List;
import java.util.Optional;

/**
 * What one mapped enum attribute requires of its column: the storage, the PostgreSQL enum type (for
 * {@link EnumStorage#NAMED_ENUM}) and the exact labels Java persists, in the Java declaration order.
 *
 * @param entity the entity name, for messages
 * @param attribute the attribute path within the entity ({@code role}, {@code address.kind})
 * @param enumType the PostgreSQL type name the column must have, lower case, when NAMED_ENUM
 */
public record EnumExpectation(String entity, String attribute, String table, String column, String javaType,
        EnumStorage storage, Optional<String> enumType, List<String> labels) {

    public EnumExpectation {
        labels = List.copyOf(labels);
    }

    /** {@code table.column}, the object named in findings. */
    public String qualifiedColumn() {
        return table + "." + column;
    }
}

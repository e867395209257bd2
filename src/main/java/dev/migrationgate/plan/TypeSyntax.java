package dev.migrationgate.plan;

import java.util.List;

/**
 * A column type as a statement writes it, with the SQL-standard spellings ({@code integer},
 * {@code timestamp with time zone}, {@code character varying}…) already mapped to their
 * {@code pg_catalog} type names ({@code int4}, {@code timestamptz}, {@code varchar}…).
 *
 * @param schema {@code pg_catalog} for SQL-standard spellings, the written qualifier, or {@code null}
 * @param name the type name, folded unless quoted
 * @param modifiers the type modifiers in parentheses, as written
 * @param intervalFields an {@code interval}'s field restriction such as {@code day to second}, or {@code null}
 * @param array whether the type is an array of the named type
 */
record TypeSyntax(String schema, String name, List<String> modifiers, String intervalFields, boolean array) {

    TypeSyntax {
        modifiers = List.copyOf(modifiers);
    }

    TypeSyntax asArray() {
        return new TypeSyntax(schema, name, modifiers, intervalFields, true);
    }
}

package dev.migrationgate.check;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one place repair SQL quotes names and values, so every generated statement is safe to run
 * whatever the names contain: identifiers in double quotes, literals in single quotes, embedded
 * quotes doubled (PostgreSQL with {@code standard_conforming_strings = on}, the default since 9.1).
 */
public final class Sql {

    private Sql() {
    }

    /** {@code name} as a quoted identifier: {@code my"type} becomes {@code "my""type"}. */
    public static String identifier(String name) {
        return '"' + checked(name, "identifier").replace("\"", "\"\"") + '"';
    }

    /** {@code value} as a string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String value) {
        return '\'' + checked(value, "literal").replace("'", "''") + '\'';
    }

    /** {@code "schema"."name"}, or just {@code "name"} when the schema is unknown. */
    public static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? identifier(name) : identifier(schema) + '.' + identifier(name);
    }

    /** The values as a comma-separated list of literals: {@code 'a', 'b'}. */
    public static String literals(List<String> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }

    /**
     * {@code body} between dollar quotes whose tag ({@code $fix$}, {@code $fix1$}, ...) does not occur in
     * the body, for {@code DO} blocks that embed quoted names.
     */
    public static String dollarQuoted(String body) {
        String tag = "$fix$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$fix" + i + "$";
        }
        return tag + "\n" + body + "\n" + tag;
    }

    private static String checked(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A SQL " + what + " cannot contain a NUL character: " + text.replace('\0', '?'));
        }
        return text;
    }
}

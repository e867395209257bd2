package dev.migrationgate.plan;

import dev.migrationgate.plan.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a column type from a statement: SQL-standard multi-word spellings, optional schema
 * qualification, type modifiers and array suffixes ({@code []}, {@code [n]}, {@code ARRAY}).
 * Stops after the type; whatever follows (constraints, {@code COLLATE}, {@code USING}) is left unread.
 */
final class ColumnTypeParser {

    private static final String PG_CATALOG = "pg_catalog";
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second");

    private ColumnTypeParser() {
    }

    static TypeSyntax parse(TokenCursor cursor) {
        SqlToken first = cursor.peek();
        if (first == null || !first.isIdentifier()) {
            throw new UnsupportedStatementException("expected a column type");
        }
        SqlToken second = cursor.peek(1);
        boolean qualified = second != null && second.isSymbol(".");
        TypeSyntax type = first.kind() == Kind.WORD && !qualified ? standardType(cursor) : null;
        if (type == null) {
            ObjectName name = cursor.objectName();
            type = new TypeSyntax(name.schema(), name.name(), modifiers(cursor), null, false);
        }
        return arraySuffix(cursor, type);
    }

    /** A SQL-standard spelling the grammar maps to a {@code pg_catalog} type, or {@code null}. */
    private static TypeSyntax standardType(TokenCursor cursor) {
        String word = cursor.peek().text();
        switch (word) {
            case "int", "integer" -> {
                cursor.next();
                return builtin("int4", List.of());
            }
            case "smallint" -> {
                cursor.next();
                return builtin("int2", List.of());
            }
            case "bigint" -> {
                cursor.next();
                return builtin("int8", List.of());
            }
            case "real" -> {
                cursor.next();
                return builtin("float4", List.of());
            }
            case "boolean" -> {
                cursor.next();
                return builtin("bool", List.of());
            }
            case "double" -> {
                cursor.expectWords("double", "precision");
                return builtin("float8", List.of());
            }
            case "float" -> {
                cursor.next();
                List<String> precision = modifiers(cursor);
                boolean single = !precision.isEmpty() && number(precision.get(0)) <= 24;
                return builtin(single ? "float4" : "float8", List.of());
            }
            case "decimal", "dec", "numeric" -> {
                cursor.next();
                return builtin("numeric", modifiers(cursor));
            }
            case "varchar" -> {
                cursor.next();
                return builtin("varchar", modifiers(cursor));
            }
            case "character", "char", "nchar", "national" -> {
                return characterType(cursor);
            }
            case "bit" -> {
                cursor.next();
                if (cursor.acceptWords("varying")) {
                    return builtin("varbit", modifiers(cursor));
                }
                List<String> length = modifiers(cursor);
                return builtin("bit", length.isEmpty() ? List.of("1") : length);
            }
            case "timestamp", "time" -> {
                return dateTimeType(cursor, word);
            }
            case "interval" -> {
                return intervalType(cursor);
            }
            default -> {
                return null;
            }
        }
    }

    private static TypeSyntax characterType(TokenCursor cursor) {
        if (cursor.acceptWords("national")) {
            if (!cursor.acceptWords("character") && !cursor.acceptWords("char")) {
                throw new UnsupportedStatementException("expected CHARACTER after NATIONAL");
            }
        } else {
            cursor.next();
        }
        if (cursor.acceptWords("varying")) {
            return builtin("varchar", modifiers(cursor));
        }
        List<String> length = modifiers(cursor);
        return builtin("bpchar", length.isEmpty() ? List.of("1") : length);
    }

    private static TypeSyntax dateTimeType(TokenCursor cursor, String word) {
        cursor.next();
        List<String> precision = modifiers(cursor);
        boolean zoned = false;
        if (cursor.acceptWords("with", "time", "zone")) {
            zoned = true;
        } else {
            cursor.acceptWords("without", "time", "zone");
        }
        return builtin(zoned ? word + "tz" : word, precision);
    }

    private static TypeSyntax intervalType(TokenCursor cursor) {
        cursor.next();
        List<String> precision = List.of();
        String fields = null;
        if (peekIntervalField(cursor)) {
            fields = cursor.next().text();
            if (fields.equals("second")) {
                precision = modifiers(cursor);
            }
            if (cursor.acceptWords("to")) {
                if (!peekIntervalField(cursor)) {
                    throw new UnsupportedStatementException("expected an interval field after TO");
                }
                String last = cursor.next().text();
                fields = fields + " to " + last;
                if (last.equals("second")) {
                    precision = modifiers(cursor);
                }
            }
        }
        if (precision.isEmpty()) {
            precision = modifiers(cursor);
        }
        return new TypeSyntax(PG_CATALOG, "interval", precision, fields, false);
    }

    private static boolean peekIntervalField(TokenCursor cursor) {
        SqlToken token = cursor.peek();
        return token != null && token.kind() == Kind.WORD && INTERVAL_FIELDS.contains(token.text());
    }

    private static TypeSyntax builtin(String name, List<String> modifiers) {
        return new TypeSyntax(PG_CATALOG, name, modifiers, null, false);
    }

    /** The comma-separated items of a parenthesised modifier list, or none when no list follows. */
    private static List<String> modifiers(TokenCursor cursor) {
        List<String> items = new ArrayList<>();
        if (!cursor.acceptSymbol("(")) {
            return items;
        }
        StringBuilder item = new StringBuilder();
        int depth = 0;
        while (true) {
            SqlToken token = cursor.next();
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
                items.add(item.toString());
                item.setLength(0);
                if (token.isSymbol(")")) {
                    return items;
                }
                continue;
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            item.append(token.kind() == Kind.STRING ? "'" + token.text().replace("'", "''") + "'" : token.text());
        }
    }

    private static TypeSyntax arraySuffix(TokenCursor cursor, TypeSyntax type) {
        TypeSyntax result = type;
        while (true) {
            if (cursor.acceptWords("array")) {
                result = result.asArray();
                if (!cursor.peekSymbol("[")) {
                    continue;
                }
            }
            if (!cursor.acceptSymbol("[")) {
                return result;
            }
            while (!cursor.acceptSymbol("]")) {
                cursor.next();
            }
            result = result.asArray();
        }
    }

    static int number(String modifier) {
        try {
            return Integer.parseInt(modifier);
        } catch (NumberFormatException e) {
            throw new UnsupportedStatementException("type modifier '" + modifier + "' is not an integer");
        }
    }
}

package dev.migrationgate.plan;

import dev.migrationgate.plan.SchemaChange.SetSearchPath;
import dev.migrationgate.plan.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what one statement means for enum types and column types: the changes it makes, nothing
 * (statements that cannot affect them, such as {@code INSERT}, {@code CREATE INDEX} or
 * {@code COMMENT}), or {@link UnsupportedStatementException} with the reason when it might affect
 * them but is not analysed ({@code DO}, {@code CALL}, {@code EXECUTE}, {@code SELECT … INTO},
 * {@code DROP … CASCADE} of schemas, extensions or domains, unknown statements…).
 */
final class StatementParser {

    /** Statements that cannot create, drop or retype an enum type or a column. */
    private static final Set<String> INERT = Set.of("insert", "update", "delete", "merge", "copy", "truncate",
            "comment", "grant", "revoke", "begin", "start", "commit", "end", "rollback", "abort", "savepoint",
            "release", "lock", "analyze", "analyse", "vacuum", "cluster", "reindex", "refresh", "notify", "listen",
            "unlisten", "discard", "checkpoint", "security", "prepare", "deallocate", "with", "values", "explain",
            "table", "declare", "fetch", "close", "move", "load", "import", "reassign", "show");

    /** Objects whose creation cannot create an enum type or a table column. */
    private static final Set<String> INERT_OBJECTS = Set.of("domain", "index", "view", "function", "procedure",
            "trigger", "sequence", "extension", "schema", "role", "user", "group", "policy", "rule", "aggregate",
            "operator", "cast", "collation", "conversion", "publication", "subscription", "statistics", "event",
            "server", "text", "tablespace", "database", "language", "transform", "access");

    /** Words between {@code CREATE} and the kind of object. */
    private static final Set<String> CREATE_MODIFIERS = Set.of("global", "local", "unlogged", "unique",
            "materialized", "recursive", "trusted", "procedural", "default", "constraint");

    private StatementParser() {
    }

    /**
     * The changes {@code statement} makes to enum types and column types, in order; empty when it
     * cannot affect them.
     *
     * @throws UnsupportedStatementException when it might affect them but is not analysed
     */
    static List<SchemaChange> parse(SqlStatement statement) {
        TokenCursor cursor = new TokenCursor(statement.tokens());
        SqlToken first = cursor.peek();
        if (first.kind() != Kind.WORD) {
            return List.of();
        }
        cursor.next();
        return switch (first.text()) {
            case "create" -> create(cursor);
            case "alter" -> alter(cursor);
            case "drop" -> drop(cursor);
            case "set" -> set(cursor);
            case "reset" -> cursor.acceptWords("search_path") || cursor.acceptWords("all")
                    ? List.of(new SetSearchPath(List.of())) : List.of();
            case "select" -> {
                if (cursor.containsTopLevelWord("into")) {
                    throw new UnsupportedStatementException("SELECT … INTO creates a table from a query and is not"
                            + " analysed");
                }
                yield List.of();
            }
            case "do" -> throw new UnsupportedStatementException("DO block: procedural code is not analysed");
            case "call" -> throw new UnsupportedStatementException("CALL: procedure bodies are not analysed");
            case "execute" -> throw new UnsupportedStatementException("EXECUTE: prepared statements are not analysed");
            default -> {
                if (INERT.contains(first.text())) {
                    yield List.of();
                }
                throw new UnsupportedStatementException(upper(first.text()) + " statements are not recognised");
            }
        };
    }

    private static List<SchemaChange> create(TokenCursor cursor) {
        cursor.acceptWords("or", "replace");
        boolean temporary = false;
        while (cursor.peek() != null && cursor.peek().kind() == Kind.WORD) {
            String word = cursor.peek().text();
            if (word.equals("temp") || word.equals("temporary")) {
                temporary = true;
            } else if (!CREATE_MODIFIERS.contains(word)) {
                break;
            }
            cursor.next();
        }
        SqlToken object = cursor.next();
        if (object.isWord("type")) {
            return TypeStatementParser.create(cursor);
        }
        if (object.isWord("table")) {
            return temporary ? List.of() : TableStatementParser.create(cursor);
        }
        if (object.isWord("foreign")) {
            if (cursor.peekWord("table")) {
                throw new UnsupportedStatementException("foreign tables are not analysed");
            }
            return List.of();
        }
        if (object.isWord("schema") && cursor.containsTopLevelWord("create")) {
            throw new UnsupportedStatementException("CREATE SCHEMA with schema elements is not analysed");
        }
        if (object.kind() == Kind.WORD && INERT_OBJECTS.contains(object.text())) {
            return List.of();
        }
        throw new UnsupportedStatementException("CREATE " + upper(object.text()) + " is not recognised");
    }

    private static List<SchemaChange> alter(TokenCursor cursor) {
        if (cursor.acceptWords("type")) {
            return TypeStatementParser.alter(cursor);
        }
        if (cursor.acceptWords("table")) {
            return TableStatementParser.alter(cursor);
        }
        if (cursor.acceptWords("foreign", "table")) {
            throw new UnsupportedStatementException("foreign tables are not analysed");
        }
        return List.of();
    }

    private static List<SchemaChange> drop(TokenCursor cursor) {
        if (cursor.acceptWords("type")) {
            return TypeStatementParser.drop(cursor);
        }
        if (cursor.acceptWords("table")) {
            return TableStatementParser.drop(cursor);
        }
        if (cursor.acceptWords("owned")) {
            throw new UnsupportedStatementException("DROP OWNED drops whatever a role owns and is not analysed");
        }
        for (String kind : List.of("schema", "extension", "domain")) {
            if (cursor.peekWord(kind) && cursor.containsTopLevelWord("cascade")) {
                throw new UnsupportedStatementException("DROP " + upper(kind) + " … CASCADE may drop enum types or"
                        + " columns and is not analysed");
            }
        }
        return List.of();
    }

    private static List<SchemaChange> set(TokenCursor cursor) {
        if (!cursor.acceptWords("local")) {
            cursor.acceptWords("session");
        }
        if (cursor.acceptWords("schema")) {
            SqlToken schema = cursor.next();
            if (schema.kind() != Kind.STRING) {
                throw new UnsupportedStatementException("this SET SCHEMA form is not analysed");
            }
            cursor.expectEnd();
            return List.of(new SetSearchPath(List.of(schema.text())));
        }
        if (!cursor.acceptWords("search_path")) {
            return List.of();
        }
        if (!cursor.acceptWords("to")) {
            cursor.expectSymbol("=");
        }
        if (cursor.acceptWords("default")) {
            return List.of(new SetSearchPath(List.of()));
        }
        List<String> schemas = new ArrayList<>();
        do {
            SqlToken token = cursor.next();
            if (token.kind() != Kind.STRING && !token.isIdentifier()) {
                throw new UnsupportedStatementException("this SET search_path form is not analysed");
            }
            if (!token.text().equals("$user") && !token.text().equals("pg_catalog")) {
                schemas.add(token.text());
            }
        } while (cursor.acceptSymbol(","));
        cursor.expectEnd();
        if (schemas.isEmpty()) {
            throw new UnsupportedStatementException("a search_path without a schema to create in is not analysed");
        }
        return List.of(new SetSearchPath(schemas));
    }

    private static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}

package dev.migrationgate.inspect;

import dev.migrationgate.check.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The catalog queries of one snapshot, each loaded from the {@code .sql} resource beside this class.
 * The resources use PostgreSQL's own {@code $n} placeholders; {@link #jdbcSql(String)} is the same text with
 * JDBC's {@code ?} placeholders, {@link #inlined} the text with literals for the simple query protocol,
 * which takes several statements in one message but no parameters.
 */
enum CatalogQuery {

    ENUM_TYPES("enums.sql", "reading enum types"),
    COLUMNS("columns.sql", "reading the columns of the requested tables"),
    EXTENSIONS("extensions.sql", "reading extensions and session settings"),
    INSTALLED_EXTENSIONS("installed-extensions.sql", "reading created extensions and session settings"),
    HISTORY("history.sql", "reading the fingerprint of Flyway's history table");

    /** Where {@link #HISTORY} names the history table. */
    static final String HISTORY_TABLE = "{history_table}";

    private final String operation;
    private final String sql;
    private final String jdbcSql;
    private final List<Integer> jdbcParameters;

    CatalogQuery(String resource, String operation) {
        this.operation = operation;
        this.sql = load(resource);
        List<Integer> parameters = new ArrayList<>();
        this.jdbcSql = toJdbc(sql, parameters);
        this.jdbcParameters = List.copyOf(parameters);
    }

    /** What the query does, for error messages: "reading enum types". */
    String operation() {
        return operation;
    }

    /** The query with {@code $n} placeholders. */
    String sql() {
        return sql;
    }

    /** For each {@code ?} of {@link #jdbcSql(String)}, the 1-based index of the parameter it stands for. */
    List<Integer> jdbcParameters() {
        return jdbcParameters;
    }

    /**
     * The query with its {@code $n} placeholders replaced by {@code parameters} as SQL literals
     * ({@code String[]} as a {@code text[]} array), and the history table, if it names one, replaced by
     * {@code historyTable}.
     */
    String inlined(List<Object> parameters, String historyTable) {
        return substitute(sql, n -> literal(parameters.get(n - 1))).replace(HISTORY_TABLE, historyTable);
    }

    /**
     * The query with {@code ?} placeholders, bound in the order of {@link #jdbcParameters()}, and the history
     * table, if it names one, replaced by {@code historyTable}.
     */
    String jdbcSql(String historyTable) {
        return jdbcSql.replace(HISTORY_TABLE, historyTable);
    }

    /**
     * {@code value} as an SQL literal; a {@code String[]} as one {@code text[]} array literal
     * ({@code '{"a","b"}'::text[]}), which PostgreSQL parses and plans as one constant, unlike an
     * {@code ARRAY[...]} of as many constants as there are tables.
     */
    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String[] texts) {
            StringBuilder array = new StringBuilder("{");
            for (String text : texts) {
                if (array.length() > 1) {
                    array.append(',');
                }
                array.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return Sql.literal(array.append('}').toString()) + "::text[]";
        }
        return Sql.literal(String.valueOf(value));
    }

    /** The parameters {@code $1, $2, …} of this query for an inspection of {@code tables}. */
    List<Object> parameters(Collection<String> tables) {
        return this == COLUMNS ? List.of((Object) tables.toArray(String[]::new)) : List.of();
    }

    /**
     * Rewrites {@code $n} placeholders outside comments, string literals and quoted identifiers as
     * {@code ?}, adding each {@code n} to {@code parameters}. A bare {@code ?} or dollar quoting is refused:
     * JDBC would take the one for a placeholder, and the other is not recognised here.
     */
    static String toJdbc(String sql, List<Integer> parameters) {
        return substitute(sql, n -> {
            parameters.add(n);
            return "?";
        });
    }

    /**
     * Replaces each {@code $n} placeholder outside comments, string literals and quoted identifiers by
     * {@code placeholder.apply(n)}, refusing a bare {@code ?} and dollar quoting as {@link #toJdbc} does.
     */
    static String substitute(String sql, IntFunction<String> placeholder) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '-' && sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            } else if (c == '\'' || c == '"') {
                end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
            } else if (c == '$') {
                end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("Dollar quoting is not supported in catalog SQL: " + sql);
                }
                out.append(placeholder.apply(Integer.parseInt(sql.substring(i + 1, end))));
                i = end;
                continue;
            } else if (c == '?') {
                throw new IllegalArgumentException("A bare '?' would be read as a JDBC placeholder: " + sql);
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    private static String load(String resource) {
        try (InputStream in = CatalogQuery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Catalog query resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading catalog query resource " + resource, e);
        }
    }
}

package dev.migrationgate.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The catalog queries of one snapshot, each loaded from the {@code .sql} resource beside this class.
 * The resources use PostgreSQL's own {@code $n} placeholders, which the reactive client takes as they
 * are; {@link #jdbcSql()} is the same text with JDBC's {@code ?} placeholders.
 */
enum CatalogQuery {

    ENUM_TYPES("enums.sql", "reading enum types"),
    COLUMNS("columns.sql", "reading the columns of the requested tables"),
    EXTENSIONS("extensions.sql", "reading extensions and session settings");

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

    /** The query with {@code ?} placeholders, bound in the order of {@link #jdbcParameters()}. */
    String jdbcSql() {
        return jdbcSql;
    }

    /** For each {@code ?} of {@link #jdbcSql()}, the 1-based index of the parameter it stands for. */
    List<Integer> jdbcParameters() {
        return jdbcParameters;
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
                parameters.add(Integer.parseInt(sql.substring(i + 1, end)));
                out.append('?');
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

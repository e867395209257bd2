package dev.migrationgate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's schema, written from one description both as a Flyway migration and as the Java source
 * of the entity model that maps it, so that the two agree by construction. Each table has ten columns:
 * a {@code uuid} key, {@code text}, {@code integer} and {@code uuid} columns, three columns of named enum
 * types (mapped {@code @Enumerated(STRING)} with {@code NAMED_ENUM}), a {@code timestamp without time zone}
 * ({@code LocalDateTime}) and two {@code timestamp with time zone} ({@code Instant}, {@code OffsetDateTime}).
 * The enum types are shared round-robin by the tables' enum columns and have three to seven labels each.
 *
 * @param tables how many tables (and entity classes)
 * @param enumTypes how many enum types (and Java enums)
 */
record SyntheticSchema(int tables, int enumTypes) {

    private static final String PACKAGE = "bench.model";
    private static final List<String> LABELS =
            List.of("DRAFT", "OPEN", "ACTIVE", "PAUSED", "CLOSED", "ARCHIVED", "DELETED");
    private static final List<String> ENUM_COLUMNS = List.of("status", "category", "phase");

    public SyntheticSchema {
        if (tables < 1 || enumTypes < 1) {
            throw new IllegalArgumentException("A synthetic schema needs at least one table and one enum type");
        }
    }

    /** The Flyway migration creating the extensions the model requires, every enum type and every table. */
    public String migration() {
        StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";\n")
                .append("CREATE EXTENSION IF NOT EXISTS pgcrypto;\n");
        for (int e = 0; e < enumTypes; e++) {
            sql.append("CREATE TYPE ").append(enumTypeName(e)).append(" AS ENUM (")
                    .append(String.join(", ", labels(e).stream().map(l -> "'" + l + "'").toList())).append(");\n");
        }
        for (int t = 0; t < tables; t++) {
            sql.append("CREATE TABLE ").append(tableName(t)).append(" (\n")
                    .append("    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),\n")
                    .append("    name text NOT NULL,\n")
                    .append("    quantity integer,\n")
                    .append("    reference uuid DEFAULT gen_random_uuid(),\n");
            for (int c = 0; c < ENUM_COLUMNS.size(); c++) {
                sql.append("    ").append(ENUM_COLUMNS.get(c)).append(' ').append(enumTypeName(enumOf(t, c)))
                        .append(",\n");
            }
            sql.append("    created_at timestamp(6) without time zone NOT NULL,\n")
                    .append("    updated_at timestamp(6) with time zone,\n")
                    .append("    expires_at timestamp(6) with time zone\n")
                    .append(");\n");
        }
        return sql.toString();
    }

    /** The Java source of every enum and entity class, by fully qualified class name. */
    public Map<String, String> javaSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int e = 0; e < enumTypes; e++) {
            sources.put(PACKAGE + "." + enumClassName(e), "package " + PACKAGE + ";\n\npublic enum "
                    + enumClassName(e) + " {\n    " + String.join(", ", labels(e)) + "\n}\n");
        }
        for (int t = 0; t < tables; t++) {
            sources.put(PACKAGE + "." + entityClassName(t), entitySource(t));
        }
        return sources;
    }

    /** The fully qualified names of the entity classes, in table order. */
    public List<String> entityClassNames() {
        List<String> names = new ArrayList<>(tables);
        for (int t = 0; t < tables; t++) {
            names.add(PACKAGE + "." + entityClassName(t));
        }
        return names;
    }

    private String entitySource(int table) {
        StringBuilder java = new StringBuilder("package ").append(PACKAGE).append(";\n\n")
                .append("import jakarta.persistence.*;\n")
                .append("import java.time.*;\n")
                .append("import java.util.UUID;\n")
                .append("import org.hibernate.annotations.JdbcTypeCode;\n")
                .append("import org.hibernate.type.SqlTypes;\n\n")
                .append("@Entity\n@Table(name = \"").append(tableName(table)).append("\")\n")
                .append("public class ").append(entityClassName(table)).append(" {\n")
                .append("    @Id public UUID id;\n")
                .append("    public String name;\n")
                .append("    public Integer quantity;\n")
                .append("    public UUID reference;\n");
        for (int c = 0; c < ENUM_COLUMNS.size(); c++) {
            java.append("    @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) public ")
                    .append(enumClassName(enumOf(table, c))).append(' ').append(ENUM_COLUMNS.get(c)).append(";\n");
        }
        return java.append("    @Column(name = \"created_at\") public LocalDateTime createdAt;\n")
                .append("    @Column(name = \"updated_at\") public Instant updatedAt;\n")
                .append("    @Column(name = \"expires_at\") public OffsetDateTime expiresAt;\n")
                .append("}\n")
                .toString();
    }

    private int enumOf(int table, int column) {
        return (table * ENUM_COLUMNS.size() + column) % enumTypes;
    }

    private static List<String> labels(int enumType) {
        return LABELS.subList(0, 3 + enumType % (LABELS.size() - 2));
    }

    private static String tableName(int table) {
        return String.format("bench_%04d", table);
    }

    private static String entityClassName(int table) {
        return String.format("Bench%04d", table);
    }

    private static String enumClassName(int enumType) {
        return String.format("Kind%03d", enumType);
    }

    private static String enumTypeName(int enumType) {
        return String.format("kind%03d", enumType);
    }
}

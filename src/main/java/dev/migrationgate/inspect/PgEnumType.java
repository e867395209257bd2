package dev.migrationgate.inspect;

import java.util.List;

/** A PostgreSQL enum type with its labels in {@code enumsortorder}. */
public record PgEnumType(String schema, String name, List<String> labels) {

    public PgEnumType {
        labels = List.copyOf(labels);
    }
}

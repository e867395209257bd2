package dev.migrationgate.expect;

/**
 * What one mapped temporal attribute requires of its column: the type family its Java type (under
 * Hibernate's time-zone storage settings) needs.
 */
public record TemporalExpectation(String entity, String attribute, String table, String column, String javaType,
        TemporalFamily family) {

    /** {@code table.column}, the object named in findings. */
    public String qualifiedColumn() {
        return table + "." + column;
    }
}

package dev.migrationgate.plan;

/**
 * A possibly schema-qualified name as written in a statement.
 *
 * @param schema the qualifying schema, {@code null} when unqualified
 * @param name the name, folded to lower case unless it was quoted
 */
record ObjectName(String schema, String name) {

    static ObjectName unqualified(String name) {
        return new ObjectName(null, name);
    }
}

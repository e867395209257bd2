package dev.migrationgate.plan;

/**
 * Where a pending script changes an object.
 *
 * @param script the migration's script name as Flyway reports it, e.g. {@code V2__roles.sql}
 * @param line the 1-based line the statement starts on
 */
public record ScriptLocation(String script, int line) {

    @Override
    public String toString() {
        return script + ":" + line;
    }
}

package dev.migrationgate.plan;

/**
 * A pending statement (or a whole pending migration) the planner did not analyse although it might
 * change enum types or column types; its effect is left to post-migration validation.
 *
 * @param script the migration's script name
 * @param line the 1-based line the statement starts on, or {@link #WHOLE_SCRIPT}
 * @param reason why it was not analysed, e.g. {@code DO block: procedural code is not analysed}
 */
public record SkippedStatement(String script, int line, String reason) {

    /** The {@link #line()} of an entry that concerns a whole migration, such as a Java migration. */
    public static final int WHOLE_SCRIPT = 0;

    public boolean wholeScript() {
        return line == WHOLE_SCRIPT;
    }
}

package dev.migrationgate.plan;

import dev.migrationgate.inspect.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the schema the pending migrations would produce: replays their enum-type and column-type
 * changes on the live {@link CatalogSnapshot} so the engine's pure checks can run before anything is
 * applied. Pure: the input is never modified and nothing but the given text is read.
 *
 * <p>The scripts are read by a small hand-written lexer and parser (no SQL parser library is on the
 * stack) that understands {@code CREATE TYPE … AS ENUM}, {@code ALTER TYPE … ADD VALUE / RENAME VALUE
 * / RENAME TO}, {@code DROP TYPE}, {@code CREATE TABLE} with a column list, {@code ALTER TABLE … ADD /
 * ALTER … TYPE / DROP / RENAME [COLUMN]}, {@code ALTER TABLE … RENAME TO}, {@code DROP TABLE} and
 * {@code SET search_path} / {@code SET SCHEMA}, starting from the search path of Flyway's migration
 * session (its default schema first). Statements that cannot affect enum or column types are ignored; those that
 * might but are not understood, or whose effect depends on what the snapshot does not hold, are
 * listed in {@link PlannedSchema#notAnalysed()} and never guessed at. A statement is applied
 * all-or-nothing.
 */
public final class SchemaPlanner {

    private SchemaPlanner() {
    }

    /** Plans {@code scripts}, in order, on top of {@code live}. */
    public static PlannedSchema plan(CatalogSnapshot live, List<PendingScript> scripts) {
        return plan(live, new PendingScripts(scripts, List.of()));
    }

    /**
     * Plans the SQL scripts of {@code pending}, in order, on top of {@code live}; the migrations
     * {@code pending} could not read come first in {@link PlannedSchema#notAnalysed()}.
     */
    public static PlannedSchema plan(CatalogSnapshot live, PendingScripts pending) {
        PlanState state = PlanState.of(live, pending.migrationSchema());
        List<SkippedStatement> notAnalysed = new ArrayList<>(pending.notAnalysed());
        for (PendingScript script : pending.scripts()) {
            state.setSearchPath(null);
            List<SqlStatement> statements;
            try {
                statements = StatementSplitter.split(script.sql());
            } catch (ScriptSyntaxException e) {
                notAnalysed.add(new SkippedStatement(script.name(), e.line(),
                        "the script cannot be read to its end (" + e.getMessage() + "); none of it is analysed"));
                continue;
            }
            for (SqlStatement statement : statements) {
                ScriptLocation at = new ScriptLocation(script.name(), statement.line());
                try {
                    List<SchemaChange> changes = StatementParser.parse(statement);
                    if (!changes.isEmpty()) {
                        PlanState trial = state.copy();
                        ChangeApplier.apply(trial, changes, at);
                        state = trial;
                    }
                } catch (UnsupportedStatementException e) {
                    notAnalysed.add(new SkippedStatement(script.name(), statement.line(), e.getMessage()));
                }
            }
        }
        return new PlannedSchema(state.toSnapshot(live), state.changes(), notAnalysed);
    }
}

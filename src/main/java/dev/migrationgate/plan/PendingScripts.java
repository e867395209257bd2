package dev.migrationgate.plan;

import java.util.List;

/**
 * The pending migrations of a Flyway instance, split into the SQL scripts the planner analyses (in
 * the order Flyway would apply them) and the migrations it cannot read, such as Java migrations.
 *
 * @param migrationSchema the schema Flyway's migration session puts first on its search path
 *     ({@code defaultSchema}, else the first of {@code schemas}); {@code null} when Flyway leaves the
 *     connection's search path alone
 */
public record PendingScripts(List<PendingScript> scripts, List<SkippedStatement> notAnalysed, String migrationSchema) {

    public PendingScripts {
        scripts = List.copyOf(scripts);
        notAnalysed = List.copyOf(notAnalysed);
    }

    /** Scripts run on the connection's own search path. */
    public PendingScripts(List<PendingScript> scripts, List<SkippedStatement> notAnalysed) {
        this(scripts, notAnalysed, null);
    }
}

package dev.migrationgate.plan;

import java.util.List;

/**
 * The pending migrations of a Flyway instance, split into the SQL scripts the planner analyses (in
 * the order Flyway would apply them) and the migrations it cannot read, such as Java migrations.
 */
public record PendingScripts(List<PendingScript> scripts, List<SkippedStatement> notAnalysed) {

    public PendingScripts {
        scripts = List.copyOf(scripts);
        notAnalysed = List.copyOf(notAnalysed);
    }
}

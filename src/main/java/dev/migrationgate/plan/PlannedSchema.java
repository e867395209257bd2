package dev.migrationgate.plan;

import dev.migrationgate.inspect.CatalogSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as it would be after the pending scripts, for pre-migration validation: the same
 * checks run on {@link #planned()} as on the live snapshot, and a finding about an object the scripts
 * touch is traced back to the script and line that did it.
 *
 * @param planned the live snapshot with the scripts' enum and column changes applied
 * @param changesByObject for each object the scripts create, change or drop, keyed as findings name
 *     it ({@code userrole}, {@code users.created_at}), every statement that touched it, in order
 * @param notAnalysed the statements and migrations that might change enum or column types but were
 *     not analysed; their effect is left to post-migration validation
 */
public record PlannedSchema(CatalogSnapshot planned, Map<String, List<ScriptLocation>> changesByObject,
        List<SkippedStatement> notAnalysed) {

    public PlannedSchema {
        LinkedHashMap<String, List<ScriptLocation>> copy = new LinkedHashMap<>();
        changesByObject.forEach((object, locations) -> copy.put(object, List.copyOf(locations)));
        changesByObject = Collections.unmodifiableMap(copy);
        notAnalysed = List.copyOf(notAnalysed);
    }

    /** The last statement that touched {@code object}: the one that gave it its planned state. */
    public Optional<ScriptLocation> origin(String object) {
        List<ScriptLocation> changes = changesByObject.get(object);
        return changes == null ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }

    /** {@link #origin(String)} of every object the scripts touch. */
    public Map<String, ScriptLocation> originByObject() {
        LinkedHashMap<String, ScriptLocation> origins = new LinkedHashMap<>();
        changesByObject.forEach((object, changes) -> origins.put(object, changes.get(changes.size() - 1)));
        return Collections.unmodifiableMap(origins);
    }

    /** Whether every pending statement that might change enum or column types was analysed. */
    public boolean complete() {
        return notAnalysed.isEmpty();
    }
}

package dev.migrationgate.expect;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the application requires of its database, derived once from the entity model and the
 * {@code gate.extensions.*} configuration; never hand-listed.
 *
 * @param tables every table of the entity model (lower case), the scope of the column inspection
 */
public record Expectations(List<EnumExpectation> enums, List<TemporalExpectation> temporals,
        List<ExtensionRequirement> extensions, Set<String> tables) {

    public Expectations {
        enums = List.copyOf(enums);
        temporals = List.copyOf(temporals);
        extensions = List.copyOf(extensions);
        tables = java.util.Collections.unmodifiableSet(new TreeSet<>(tables));
    }
}

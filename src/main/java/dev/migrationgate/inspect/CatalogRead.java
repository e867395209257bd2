package dev.migrationgate.inspect;

import dev.migrationgate.expect.ExtensionRequirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one inspection reads, in as few round trips as it can: the first batch (one message, one implicit
 * transaction) holds the enum types, the columns, the created extensions with the session settings and,
 * when the history reader takes one, the fingerprint of Flyway's history, always last: under READ
 * COMMITTED each statement sees its own snapshot, so only a fingerprint read after the catalog proves that
 * no migration committed under the catalog statements (the start-up pipeline relies on it). What the server offers
 * ({@code pg_available_extensions}) is read in that batch only when no earlier reading is known or the
 * caller did not say which extensions it needs, and afterwards, in a second round trip, only when a needed
 * extension is missing or below its floor and the created extensions changed since the last reading (an
 * optional extension the server does not ship stays missing without costing a round trip per probe). The
 * inspectors only execute what this class composes.
 */
final class CatalogRead {

    private final List<Object> columnParameters;
    private final Optional<List<ExtensionRequirement>> requirements;
    private final AvailableExtensions available;
    private final Optional<String> historyTable;
    private final List<Object> sessionDefaults;
    private final CatalogAssembler assembler = new CatalogAssembler();
    private final List<CatalogQuery> first = new ArrayList<>();
    private int queries;
    private boolean offeredRead;

    /**
     * @param requirements the extensions the caller checks; empty when it does not say, which makes every
     *     inspection read what the server offers
     * @param historyTable the history table whose fingerprint to read, quoted; empty for none
     */
    CatalogRead(Collection<String> tables, Optional<List<ExtensionRequirement>> requirements,
            AvailableExtensions available, Optional<String> historyTable) {
        this(tables, requirements, available, historyTable, Optional.empty());
    }

    /**
     * @param defaultTimeZone the session's default TimeZone as an earlier inspection on the same session read
     *     it; empty to read it
     */
    CatalogRead(Collection<String> tables, Optional<List<ExtensionRequirement>> requirements,
            AvailableExtensions available, Optional<String> historyTable, Optional<String> defaultTimeZone) {
        this.columnParameters = CatalogQuery.COLUMNS.parameters(tables);
        this.sessionDefaults = Collections.singletonList(defaultTimeZone.orElse(null));
        this.requirements = requirements;
        this.available = available;
        this.historyTable = historyTable;
        first.add(CatalogQuery.ENUM_TYPES);
        first.add(CatalogQuery.COLUMNS);
        first.add(requirements.isEmpty() || !available.known() ? CatalogQuery.EXTENSIONS
                : CatalogQuery.INSTALLED_EXTENSIONS);
        historyTable.ifPresent(table -> first.add(CatalogQuery.HISTORY));
    }

    /** The queries of the first round trip, in the order of their results. */
    List<CatalogQuery> first() {
        return List.copyOf(first);
    }

    /** The query for a second round trip, once the first one's rows were taken: what the server offers, if needed. */
    Optional<CatalogQuery> second() {
        if (offeredRead) {
            return Optional.empty();
        }
        Map<String, PgExtension> created = assembler.created().stream()
                .collect(Collectors.toMap(PgExtension::name, Function.identity(), (a, b) -> a));
        boolean unmet = requirements.orElseThrow().stream().anyMatch(r -> created.get(r.name()) == null
                || !r.satisfiedBy(created.get(r.name()).installedVersion().orElseThrow()));
        return unmet && !available.takenWith(assembler.created()) ? Optional.of(CatalogQuery.EXTENSIONS)
                : Optional.empty();
    }

    /** {@code queries} as one statement text with JDBC placeholders, bound by {@link #jdbcParameters}. */
    String jdbcSql(List<CatalogQuery> queries) {
        return queries.stream().map(q -> q.jdbcSql(historyTable.orElse(""))).collect(Collectors.joining(";\n"));
    }

    /** The values of the placeholders of {@link #jdbcSql}, in order. */
    List<Object> jdbcParameters(List<CatalogQuery> queries) {
        List<Object> values = new ArrayList<>();
        for (CatalogQuery query : queries) {
            List<Object> parameters = parameters(query);
            query.jdbcParameters().forEach(n -> values.add(parameters.get(n - 1)));
        }
        return values;
    }

    /** {@code queries} as one statement text with literals, for the simple query protocol. */
    String inlinedSql(List<CatalogQuery> queries) {
        return queries.stream().map(q -> q.inlined(parameters(q), historyTable.orElse("")))
                .collect(Collectors.joining(";\n"));
    }

    /** Takes one row of {@code query}'s result. */
    void accept(CatalogQuery query, CatalogRow row) {
        assembler.accept(query, row);
    }

    /** Counts the queries of one round trip as run. */
    void ran(List<CatalogQuery> batch) {
        queries += batch.size();
        offeredRead |= batch.contains(CatalogQuery.EXTENSIONS);
    }

    /** How many queries were run. */
    int queries() {
        return queries;
    }

    /** The history fingerprint, when it was read. */
    Optional<HistoryFingerprint> fingerprint() {
        return assembler.fingerprint();
    }

    /** The snapshot of everything read, with {@code history}; remembers a fresh reading of what the server offers. */
    CatalogSnapshot snapshot(MigrationHistory history) {
        if (offeredRead) {
            available.remember(assembler.extensions());
            return assembler.snapshot(assembler.extensions(), history);
        }
        return assembler.snapshot(available.join(assembler.created()), history);
    }

    private List<Object> parameters(CatalogQuery query) {
        return switch (query) {
            case COLUMNS -> columnParameters;
            case INSTALLED_EXTENSIONS -> sessionDefaults;
            default -> List.of();
        };
    }
}

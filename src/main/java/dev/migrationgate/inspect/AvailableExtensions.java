package dev.migrationgate.inspect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The extensions the server offers, as last read from {@code pg_available_extensions}. Reading that view
 * opens every control file on the server's disk, and what it says changes only when packages are installed
 * on the server, so an inspector keeps the last reading, with the extensions created at the time, and joins
 * it with the created extensions it reads each time.
 */
final class AvailableExtensions {

    private volatile Reading last;

    /** Whether a reading is known. */
    boolean known() {
        return last != null;
    }

    /**
     * Whether the last reading was taken when exactly {@code created} (rows of {@code installed-extensions.sql})
     * were created: an extension missing then and now is judged the same without reading again.
     */
    boolean takenWith(List<PgExtension> created) {
        Reading reading = last;
        return reading != null && reading.created().equals(versions(created));
    }

    /** Keeps what {@code extensions} (rows of {@code extensions.sql}) say the server offers and the database has. */
    void remember(List<PgExtension> extensions) {
        last = new Reading(extensions.stream().filter(PgExtension::available)
                .collect(Collectors.toUnmodifiableMap(PgExtension::name, Function.identity())),
                versions(extensions.stream().filter(PgExtension::installed).toList()));
    }

    private static Map<String, Optional<String>> versions(List<PgExtension> created) {
        return created.stream().collect(Collectors.toUnmodifiableMap(PgExtension::name, PgExtension::installedVersion,
                (a, b) -> a));
    }

    /**
     * What {@code extensions.sql} would answer, from {@code created} (rows of {@code installed-extensions.sql})
     * and the last reading: one row per extension offered or created, ordered by name.
     */
    List<PgExtension> join(List<PgExtension> created) {
        Map<String, PgExtension> byName = created.stream()
                .collect(Collectors.toMap(PgExtension::name, Function.identity(), (a, b) -> a, TreeMap::new));
        Map<String, PgExtension> offered = last.offered();
        TreeSet<String> names = new TreeSet<>(byName.keySet());
        names.addAll(offered.keySet());
        return names.stream().map(name -> {
            Optional<PgExtension> offer = Optional.ofNullable(offered.get(name));
            Optional<PgExtension> made = Optional.ofNullable(byName.get(name));
            return new PgExtension(name, offer.flatMap(PgExtension::defaultVersion),
                    made.flatMap(PgExtension::installedVersion), made.flatMap(PgExtension::schema),
                    offer.map(PgExtension::superuserRequired).orElse(true), offer.map(PgExtension::trusted).orElse(false));
        }).toList();
    }

    /** What the server offered, by name, and the versions of the extensions created when it was read. */
    private record Reading(Map<String, PgExtension> offered, Map<String, Optional<String>> created) {
    }
}

package dev.migrationgate.process;

import dev.migrationgate.testdb.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/** What a test database holds after the application ran on it, read as the administrative user. */
public final class DatabaseFacts {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private final TestPostgres server;
    private final String database;

    public DatabaseFacts(TestPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    /** The versions of the application's own versioned migrations, as Flyway records them (V1_2 → 1.2). */
    public static Set<String> shippedVersions() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            Set<String> versions = new TreeSet<>();
            files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .forEach(m -> versions.add(m.group(1).replace('_', '.')));
            if (versions.isEmpty()) {
                throw new AssertionError("No versioned migrations under " + MIGRATIONS.toAbsolutePath());
            }
            return versions;
        }
    }

    /**
     * The shipped versions in Flyway's order followed by a test release's {@code extra} versions: the
     * applied versions of a database migrated by the application and then by that release.
     */
    public static List<String> shippedVersionsThen(String... extra) {
        try {
            List<String> versions = new ArrayList<>(shippedVersions().stream()
                    .sorted(Comparator.comparing(MigrationVersion::fromVersion)).toList());
            versions.addAll(List.of(extra));
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("listing the shipped migrations under " + MIGRATIONS, e);
        }
    }

    /** What {@link #historyRows()} holds once every shipped migration was applied exactly once. */
    public static Map<String, Long> everyShippedVersionAppliedOnce() throws IOException {
        Map<String, Long> rows = new TreeMap<>();
        shippedVersions().forEach(version -> rows.put(version + "/true", 1L));
        return rows;
    }

    /** Rows of {@code flyway_schema_history} per version and outcome, e.g. {@code 1/true → 1}; empty without a history. */
    public Map<String, Long> historyRows() throws SQLException {
        if (!tables().contains("flyway_schema_history")) {
            return Map.of();
        }
        return countBy("SELECT version || '/' || success, count(*) FROM flyway_schema_history"
                + " WHERE version IS NOT NULL GROUP BY 1");
    }

    /** How many rows {@code pg_extension} has for each of {@code names}. */
    public Map<String, Long> extensionRows(List<String> names) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        names.forEach(name -> counts.put(name, 0L));
        counts.putAll(countBy("SELECT extname, count(*) FROM pg_extension WHERE extname = ANY (?) GROUP BY extname",
                names.toArray(String[]::new)));
        return counts;
    }

    /** The ordinary tables of schema {@code public}. */
    public Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = server.connect(database);
                PreparedStatement s = c.prepareStatement(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private Map<String, Long> countBy(String sql, String... arrayParameter) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = server.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            if (arrayParameter.length > 0) {
                s.setArray(1, c.createArrayOf("text", arrayParameter));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}

package dev.migrationgate.bench;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.gate.MigrationVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;

/**
 * What the pre-commit verifier adds to each migration: batches of trivial migrations (a comment on a mapped
 * table) applied by Flyway without and with {@link MigrationVerifier}, alternately, on a database whose
 * schema a first migration built; the added time per migration is the difference of the batches' times over
 * the batch size (the per-run baseline read and pending list included, spread over the batch).
 */
final class VerifierCost {

    private final DataSource dataSource;
    private final String schemaLocation;
    private final Expectations expectations;
    private final SchemaChecks checks;
    private final Path work;
    private final List<String> locations = new ArrayList<>();
    private int nextVersion;

    /**
     * @param schemaLocation the Flyway location of the applied migrations that built the schema; the generated
     *     migrations are numbered after the newest of them
     * @param work an empty directory for the generated migrations
     */
    VerifierCost(DataSource dataSource, String schemaLocation, Expectations expectations, SchemaChecks checks,
            Path work) {
        this.dataSource = dataSource;
        this.schemaLocation = schemaLocation;
        this.expectations = expectations;
        this.checks = checks;
        this.work = work;
    }

    /** The median over {@code rounds} of the verifier's added milliseconds per migration, batches of {@code size}. */
    double addedMillisPerMigration(int rounds, int size) throws IOException {
        String table = expectations.tables().iterator().next();
        nextVersion = Flyway.configure(VerifierCost.class.getClassLoader()).dataSource(dataSource)
                .locations(schemaLocation).load().info().current().getVersion().getMajor().intValue() + 1;
        Callback verifier = new MigrationVerifier(() -> expectations, checks, BlockingPolicy.standard(), false);
        double[] added = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long without = batch(table, size);
            long with = batch(table, size, verifier);
            added[round] = (with - without) / 1e6 / size;
        }
        Arrays.sort(added);
        return added[rounds / 2];
    }

    private long batch(String table, int size, Callback... callbacks) throws IOException {
        Path directory = Files.createDirectories(work.resolve("batch-" + nextVersion));
        for (int i = 0; i < size; i++, nextVersion++) {
            Files.writeString(directory.resolve("V" + nextVersion + "__comment_" + nextVersion + ".sql"),
                    "COMMENT ON TABLE " + table + " IS 'verifier benchmark " + nextVersion + "';\n");
        }
        locations.add("filesystem:" + directory);
        List<String> all = new ArrayList<>(locations);
        all.add(0, schemaLocation);
        Flyway flyway = Flyway.configure(VerifierCost.class.getClassLoader()).dataSource(dataSource)
                .locations(all.toArray(String[]::new)).callbacks(callbacks).load();
        long started = System.nanoTime();
        int applied = flyway.migrate().migrationsExecuted;
        long nanos = System.nanoTime() - started;
        if (applied != size) {
            throw new IllegalStateException("Expected " + size + " migrations applied, Flyway applied " + applied);
        }
        return nanos;
    }

    /** One result line. */
    static String line(String schema, int rounds, int size, double millis) {
        return String.format(Locale.ROOT, "verifier, %s: %.1f ms added per migration (median of %d rounds of %d"
                + " migrations, without and with the verifier)", schema, millis, rounds, size);
    }
}

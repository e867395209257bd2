package dev.migrationgate.inspect;

import dev.migrationgate.check.Sql;
import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.inspect.MigrationHistory.ValidationError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * Reads a {@link MigrationHistory} through Flyway's API: {@code info().all()} for the migrations and
 * {@code validateWithResult()} for the errors. Validation runs on a copy of the given configuration that
 * also ignores pending migrations ({@code *:pending}): pending work is reported by state, not as an error.
 * Every other setting of the given Flyway (locations, ignore patterns, history table) applies, and its data
 * source unless another is given. With nothing applied (a new database) there is nothing to validate but
 * pending migrations, which are ignored, so validation is not run (one Flyway execution fewer at first start).
 * <p>
 * Local migrations cannot change in a running process, so the first read keeps what Flyway resolved (the
 * scanned scripts with their checksums) and later reads hand exactly those to Flyway instead of scanning and
 * checksumming again (Flyway's internal {@code MigrationInfoImpl} carries them; should a later Flyway not use
 * it, every read resolves as before). Flyway's verdict depends only on them and on the history table's rows, so a read is
 * remembered under the table's {@link HistoryFingerprint}: while the fingerprint is unchanged, the
 * verdict is too, and {@link #unchanged} answers without touching the database.
 */
public final class FlywayHistoryReader implements MigrationHistoryReader {

    static final ValidatePattern IGNORE_PENDING = ValidatePattern.fromPattern("*:pending");

    private final String database;
    private final String historyTable;
    private volatile Flyway flyway;
    private volatile boolean resolvedOnce;
    private volatile Read remembered;

    /** @param database the database's name, for error messages */
    public FlywayHistoryReader(String database, Flyway flyway) {
        this(database, flyway, flyway.getConfiguration().getDataSource());
    }

    /**
     * Reads through {@code dataSource} instead of Flyway's own: read access to the history table is enough,
     * so readiness can read it with the application's credentials rather than the migrator's.
     */
    public FlywayHistoryReader(String database, Flyway flyway, DataSource dataSource) {
        this.database = database;
        Configuration configuration = flyway.getConfiguration();
        ValidatePattern[] configured = configuration.getIgnoreMigrationPatterns();
        ValidatePattern[] patterns = Arrays.copyOf(configured, configured.length + 1);
        patterns[configured.length] = IGNORE_PENDING;
        this.flyway = Flyway.configure(configuration.getClassLoader())
                .configuration(configuration)
                .dataSource(dataSource)
                .ignoreMigrationPatterns(patterns)
                .load();
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        this.historyTable = Sql.qualified(schema, configuration.getTable());
    }

    /**
     * Reads the history now. The table's fingerprint is read first (when the table exists) and the read is
     * remembered under it, so that the next inspection, which reads the fingerprint with the catalog, can
     * answer from memory: a migration committed between the two reads only makes that next inspection read
     * again, never pairs a fingerprint with an older history.
     */
    @Override
    public MigrationHistory read() {
        return readFlyway(currentFingerprint()).history();
    }

    /**
     * Reads the history now when its table holds rows, like {@link #read()} (the fingerprint first, then
     * Flyway), so that the next inspection reads the fingerprint with the catalog and, while it is unchanged,
     * pairs the catalog with this read at once. Every row Flyway writes is an applied migration to
     * {@link #fingerprintTable}, so rows are what makes the next inspection read the fingerprint. Where the table
     * is missing or empty it reads nothing through Flyway (two short queries at most): there the inspection's own
     * read after the catalog is the one that counts, and reading Flyway ahead would only run it twice.
     */
    public void readAheadWhenApplied() {
        HistoryFingerprint fingerprint = currentFingerprint();
        if (fingerprint != null && fingerprint.rows() > 0) {
            readFlyway(fingerprint);
        }
    }

    /**
     * Reads through Flyway ({@code info()}, and {@code validateWithResult()} once a migration is applied) and
     * remembers it under {@code fingerprint}.
     */
    private Read readFlyway(HistoryFingerprint fingerprint) {
        try {
            MigrationInfo[] all = flyway.info().all();
            if (!resolvedOnce && Arrays.stream(all).allMatch(MigrationInfoImpl.class::isInstance)) {
                flyway = withResolved(flyway, all);
                resolvedOnce = true;
            }
            List<MigrationInfo> infos = List.of(all);
            List<ValidationError> errors = infos.stream().anyMatch(info -> info.getState().isApplied())
                    ? validationErrors(flyway.validateWithResult(), infos) : List.of();
            Read read = new Read(fingerprint, new MigrationHistory(infos.stream().map(Migration::of)
                    .toList(), errors),
                    infos.stream().filter(info -> info.getState() == MigrationState.PENDING).toList());
            remembered = read;
            return read;
        } catch (FlywayException e) {
            throw new InspectionException("reading the Flyway history of database " + database, e);
        }
    }

    /**
     * The read that answers come from now: the last one through Flyway, whether a full {@link #read()} or one an
     * inspection made because the fingerprint had changed; empty before the first.
     */
    public Optional<Read> lastRead() {
        return Optional.ofNullable(remembered);
    }

    /**
     * The history table's fingerprint now ({@code history.sql}), or null when the table does not exist yet.
     * Existence is asked first rather than learnt from an error, which would abort a caller's transaction.
     */
    private HistoryFingerprint currentFingerprint() {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, historyTable);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return null;
                    }
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(CatalogQuery.HISTORY.jdbcSql(historyTable))) {
                rs.next();
                return HistoryFingerprint.of(new JdbcCatalogInspector.ResultSetRow(rs));
            }
        } catch (SQLException e) {
            throw new InspectionException(CatalogQuery.HISTORY.operation() + " of database " + database, e);
        } catch (JdbcCatalogInspector.ColumnReadException e) {
            throw new InspectionException(CatalogQuery.HISTORY.operation() + " of database " + database, e.getCause());
        }
    }

    /** The history table once a read has shown that it exists (a migration is applied), else empty. */
    @Override
    public Optional<String> fingerprintTable() {
        Read last = remembered;
        return last != null && last.history().migrations().stream().anyMatch(Migration::applied)
                ? Optional.of(historyTable) : Optional.empty();
    }

    @Override
    public Optional<MigrationHistory> unchanged(HistoryFingerprint seen) {
        Read last = remembered;
        return last != null && seen.equals(last.fingerprint()) ? Optional.of(last.history()) : Optional.empty();
    }

    @Override
    public MigrationHistory read(HistoryFingerprint seen) {
        Optional<MigrationHistory> same = unchanged(seen);
        if (same.isPresent()) {
            return same.get();
        }
        return readFlyway(seen).history();
    }

    /**
     * A copy of {@code flyway} that resolves exactly the migrations {@code infos} were resolved from
     * ({@code MigrationInfoImpl.getResolvedMigration()}, Flyway's own objects with their checksums).
     */
    private static Flyway withResolved(Flyway flyway, MigrationInfo[] infos) {
        List<ResolvedMigration> resolved = Arrays.stream(infos)
                .map(info -> ((MigrationInfoImpl) info).getResolvedMigration()).filter(Objects::nonNull).distinct()
                .toList();
        MigrationResolver once = context -> resolved;
        return Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .resolvers(once)
                .skipDefaultResolvers(true)
                .load();
    }

    /**
     * One read through Flyway.
     *
     * @param fingerprint the history table's, read just before (null when the table did not exist then)
     * @param pending what {@code info()} listed as pending (state {@code PENDING}), in Flyway's order
     */
    public record Read(HistoryFingerprint fingerprint, MigrationHistory history, List<MigrationInfo> pending) {

        public Read {
            pending = List.copyOf(pending);
        }

        /**
         * The pending migrations this build applies: Flyway's pending list without the repeatable migrations a
         * newer release applied last ({@link MigrationHistory#newerReleaseRepeatables}), whose older content
         * Flyway would put back.
         */
        public List<MigrationInfo> ownPending() {
            Set<String> newer = history.newerReleaseRepeatables();
            return pending.stream().filter(info -> info.getVersion() != null || !newer.contains(info.getScript()))
                    .toList();
        }

        /**
         * Whether all Flyway would apply are repeatable migrations a newer release applied last (an old pod
         * restarting during a rollout): migrate must not run, it would put this build's older content back.
         */
        public boolean onlyNewerReleaseRepeatablesPending() {
            return !pending.isEmpty() && ownPending().isEmpty();
        }
    }

    private static List<ValidationError> validationErrors(ValidateResult validation, List<MigrationInfo> infos) {
        Map<String, String> scripts = infos.stream().filter(i -> i.getVersion() != null)
                .collect(Collectors.toMap(i -> i.getVersion().getVersion(), MigrationInfo::getScript, (a, b) -> a));
        List<ValidationError> errors = new ArrayList<>();
        for (ValidateOutput invalid : validation.invalidMigrations) {
            String version = invalid.version == null || invalid.version.isEmpty() ? null : invalid.version;
            String script = version != null && scripts.containsKey(version) ? scripts.get(version) : invalid.filepath;
            errors.add(new ValidationError(version, script, codeName(invalid.errorDetails.errorCode),
                    invalid.errorDetails.errorMessage));
        }
        if (!validation.validationSuccessful && errors.isEmpty() && validation.errorDetails != null) {
            errors.add(new ValidationError(null, null, codeName(validation.errorDetails.errorCode),
                    validation.errorDetails.errorMessage));
        }
        return errors;
    }

    private static String codeName(ErrorCode code) {
        return code instanceof Enum<?> constant ? constant.name() : String.valueOf(code);
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.check.Sql;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.InspectionException;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.MigrationHistoryReader;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Stage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * Judges pending migrations by their real effect before they commit. Flyway runs this callback inside the
 * migration's transaction, on its connection ({@code canHandleInTransaction}): the catalog read there sees
 * the migration's uncommitted DDL, and throwing makes PostgreSQL roll back the migration and its history row.
 * <p>
 * What is judged follows Flyway's commit boundary. Without {@code group} every migration commits on its own
 * and running pods see each state, so each migration is judged after it ran: a V2 that breaks what a V3 of
 * the same release repairs is refused at V2. With {@code group=true} the release commits as one unit and is
 * judged once, after its last migration. A state in the middle of a release must not introduce what the
 * pre-migration policy forbids (case-swapped or unmapped labels, a wrong time-zone family, extension
 * errors); the release's final state must not introduce that either, nor anything the post-migration
 * policy blocks. Only findings the release introduced count: a database already ahead of this version stays
 * acceptable.
 * <p>
 * A migration that does not run in a transaction (Flyway {@code executeInTransaction=false}, or statements
 * such as {@code CREATE INDEX CONCURRENTLY}) cannot be verified before commit: it is refused with
 * {@code MIGRATION_UNVERIFIED} before any of the release runs unless {@code gate.allow-unverified-migrations=true},
 * and then left to post-migration validation. Flyway fires a run's events on the thread that called {@code migrate()}, so
 * each thread keeps its own run (baseline, last migration); copies of one configuration may migrate at once.
 */
public final class MigrationVerifier implements Callback {

    private static final Set<Event> HANDLED = EnumSet.of(Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE,
            Event.AFTER_EACH_MIGRATE, Event.AFTER_MIGRATE, Event.AFTER_MIGRATE_ERROR);

    private final Supplier<Expectations> expectations;
    private final SchemaChecks checks;
    private final BlockingPolicy policy;
    private final boolean allowUnverified;
    private final ThreadLocal<Run> runs = ThreadLocal.withInitial(Run::new);

    /**
     * The state of one migrate run: whether what it applies was read, its last migration, the findings
     * (as keys) before its first migration, and the inspector reading the run's migration connection, which
     * keeps what the server offers ({@code pg_available_extensions}) from the run's first reading.
     */
    private static final class Run {
        private boolean planned;
        private String lastOfRelease;
        private Set<String> baseline;
        /**
         * The objects post-migration validation would have blocked on right before the release: those the
         * database did not have right then (a warning, such as a label order, does not count).
         */
        private Set<String> baselineObjects;
        private Connection connection;
        private JdbcCatalogInspector inspector;
        /** The migration connection's default {@code search_path} (its {@code reset_val}), read at its first read. */
        private String defaultSearchPath;
        /** Whether each migration (by {@link #object}) runs in a transaction: Flyway parses its script to say. */
        private final Map<String, Boolean> transactional = new HashMap<>();
    }

    /**
     * @param expectations the model's expectations, resolved at the first migration (not while Flyway is built)
     * @param allowUnverified {@code gate.allow-unverified-migrations}
     */
    public MigrationVerifier(Supplier<Expectations> expectations, SchemaChecks checks, BlockingPolicy policy,
            boolean allowUnverified) {
        this.expectations = expectations;
        this.checks = checks;
        this.policy = policy;
        this.allowUnverified = allowUnverified;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return HANDLED.contains(event);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "migration-gate verifier";
    }

    @Override
    public void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_MIGRATE -> runs.set(new Run());
            case AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> runs.remove();
            case BEFORE_EACH_MIGRATE -> beforeEach(context);
            case AFTER_EACH_MIGRATE -> afterEach(context);
            default -> throw new IllegalArgumentException("Unexpected Flyway event " + event);
        }
    }

    /**
     * What this run applies, once, before its first migration runs (a run with nothing to apply never pays
     * for it): the last migration of the release, and whether any cannot be verified; those refuse the whole
     * run before any of the release runs, unless allowed.
     */
    private void plan(Run run, MigrationInfo[] all) {
        MigrationInfo[] toApply = Arrays.stream(all).filter(MigrationVerifier::toApply).toArray(MigrationInfo[]::new);
        List<Finding> unverifiable = Arrays.stream(toApply).filter(m -> !declaredTransactional(run, m))
                .map(MigrationVerifier::unverified).toList();
        if (!unverifiable.isEmpty() && !allowUnverified) {
            throw new MigrationRefusedException(unverifiable);
        }
        run.lastOfRelease = toApply.length == 0 ? null : object(toApply[toApply.length - 1]);
        run.planned = true;
    }

    /**
     * Flyway's {@code info()} now, on the run's own migration connection (a second connection from the pool
     * while the run holds its own could wait forever on a small pool), under Flyway's lock. It commits on the
     * connection it is given, so inside the migration's transaction it only gets a view that cannot end it:
     * committing there would release Flyway's transactional advisory lock before the migration runs.
     */
    private static MigrationInfo[] info(Context context) {
        Configuration configuration = context.getConfiguration();
        Connection connection = context.getConnection();
        try {
            DataSource held = connection.getAutoCommit() ? HeldConnection.borrowed(connection)
                    : HeldConnection.transactionHeld(connection);
            return Flyway.configure(configuration.getClassLoader()).configuration(configuration).dataSource(held)
                    .load().info().all();
        } catch (SQLException e) {
            throw new IllegalStateException("Holding the migration connection's transaction for Flyway's info() failed",
                    e);
        }
    }

    /**
     * Refuses, before it runs, a repeatable migration a newer release applied last
     * ({@link MigrationHistory#newerReleaseRepeatables}, judged on the history as it is under Flyway's lock,
     * which Flyway takes again for each migration): its older content would break that release. The refusal
     * is a warning; what the run applied before it stays.
     */
    private static void refuseOverwritingANewerRelease(MigrationInfo migration, MigrationInfo[] all) {
        Set<String> newer = new MigrationHistory(Arrays.stream(all).map(MigrationHistory.Migration::of).toList(),
                List.of()).newerReleaseRepeatables();
        if (newer.contains(migration.getScript())) {
            throw new MigrationRefusedException(List.of(leftToANewerRelease(migration)));
        }
    }

    private void beforeEach(Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        Run run = runs.get();
        boolean repeatable = migration.getVersion() == null;
        MigrationInfo[] all = !run.planned || repeatable ? info(context) : null;
        if (!run.planned) {
            plan(run, all);
        }
        if (repeatable) {
            refuseOverwritingANewerRelease(migration, all);
        }
        if (!inTransaction(run, context)) {
            if (!allowUnverified) {
                throw new MigrationRefusedException(List.of(unverified(migration)));
            }
            return;
        }
        if (run.baseline == null) {
            CatalogSnapshot before = snapshot(context);
            run.baseline = checks.findings(expectations.get(), before, Stage.PRE_MIGRATION).stream()
                    .map(MigrationVerifier::key).collect(Collectors.toCollection(HashSet::new));
            run.baselineObjects = checks.findings(expectations.get(), before, Stage.POST_MIGRATION).stream()
                    .filter(policy::blocks).map(Finding::object).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private void afterEach(Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        Run run = runs.get();
        if (!inTransaction(run, context)) {
            return;
        }
        boolean last = object(migration).equals(run.lastOfRelease);
        if (context.getConfiguration().isGroup() && !last) {
            return;
        }
        List<Finding> introduced = blocking(context, last, run).stream()
                .filter(f -> run.baseline == null || !run.baseline.contains(key(f)))
                .toList();
        if (!introduced.isEmpty()) {
            throw new MigrationRefusedException(rejection(migration, introduced, context.getConfiguration().isGroup()));
        }
    }

    /**
     * The blocking findings of the state a migration left, read on its own connection. Every state is
     * judged as this release's own doing (pre-migration policy, all introduced: an unmapped label it adds
     * is refused); the release's final state must also pass post-migration validation, or it would commit
     * what the next phase refuses. A state in the middle of the release, which the running fleet sees once
     * it committed, must pass post-migration validation too for every object the database had right before
     * the release (no blocking post-migration finding on it then): a release may build what it maps step by step (a
     * table, then its columns; a type, then its labels), but not break what the running fleet uses, such as
     * a mapped enum column turned into {@code varchar} that a later migration of the release would turn
     * back, since that later migration may fail or never run.
     */
    private List<Finding> blocking(Context context, boolean last, Run run) {
        CatalogSnapshot snapshot = snapshot(context);
        Map<String, Finding> blocking = new LinkedHashMap<>();
        for (Stage stage : List.of(Stage.POST_MIGRATION, Stage.PRE_MIGRATION)) {
            checks.findings(expectations.get(), snapshot, stage).stream().filter(policy::blocks)
                    .filter(f -> last || stage == Stage.PRE_MIGRATION || !run.baselineObjects.contains(f.object()))
                    .forEach(f -> blocking.putIfAbsent(key(f), f));
        }
        return List.copyOf(blocking.values());
    }

    /**
     * The catalog as the migration's connection sees it, read for what the expectations check: their tables'
     * columns and their extensions, so that {@code pg_available_extensions} (every control file on the server's
     * disk) is read once per run and afterwards only when a required extension is missing or too old.
     * <p>
     * It is read as the application's sessions see it, with the session's default {@code search_path}
     * (its {@code reset_val}, read once per run), whatever Flyway or the script set: Flyway sets its own
     * before every migration, and a pg_dump-style script empties it ({@code set_config('search_path', '',
     * false)}), so that the mapped tables, found by visibility, would all read as missing (a correct migration
     * refused, or on a fresh database a wrong one's findings hidden behind the baseline's). The default is set
     * until the transaction ends and the value found is put back after the read; what the default resolves to
     * is not remembered, since a migration may create a schema it names ({@code "$user"}).
     */
    private CatalogSnapshot snapshot(Context context) {
        Run run = runs.get();
        Connection connection = context.getConnection();
        if (run.inspector == null || run.connection != connection) {
            run.connection = connection;
            run.inspector = JdbcCatalogInspector.onOneSession(catalog(connection), HeldConnection.borrowed(connection),
                    MigrationHistoryReader.none());
            run.defaultSearchPath = text(connection, "reading the session's default search_path",
                    "SELECT reset_val FROM pg_catalog.pg_settings WHERE name = 'search_path'");
        }
        String found = text(connection, "reading the search_path the migration left",
                "WITH found AS MATERIALIZED (SELECT current_setting('search_path') AS path)"
                + " SELECT path, pg_catalog.set_config('search_path', " + Sql.literal(run.defaultSearchPath)
                + ", true) FROM found");
        try {
            return run.inspector.snapshot(expectations.get());
        } finally {
            if (!found.equals(run.defaultSearchPath)) {
                setSearchPathLocally(connection, found);
            }
        }
    }

    /**
     * The first column {@code sql} returns ({@code operation} names it in an error): the statements that read
     * and set the search_path around the verifier's catalog read (a row's target list is evaluated once the
     * materialized CTE produced it, so a value read there precedes a {@code set_config} beside it).
     */
    private static String text(Connection connection, String operation, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new InspectionException(operation, e);
        }
    }

    /** Sets {@code search_path} to {@code value} until the transaction ends. */
    private static void setSearchPathLocally(Connection connection, String value) {
        text(connection, "setting the search_path for the verifier's catalog read",
                "SELECT pg_catalog.set_config('search_path', " + Sql.literal(value) + ", true)");
    }

    /** {@code V<version> <script>}, or {@code R <script>} for a repeatable migration: the findings' object. */
    public static String object(MigrationInfo migration) {
        String prefix = migration.getVersion() == null ? "R" : "V" + migration.getVersion().getVersion();
        return prefix + " " + migration.getScript();
    }

    /** Whether migrate applies it: not yet applied, or a repeatable migration changed since it was applied. */
    private static boolean toApply(MigrationInfo migration) {
        return migration.getState() == MigrationState.PENDING || migration.getState() == MigrationState.OUTDATED;
    }

    /**
     * Whether Flyway runs the migration in a transaction; its public {@code MigrationInfo} does not say, its
     * implementation does (the executor's {@code canExecuteInTransaction}: script config or statements).
     */
    private static boolean declaredTransactional(MigrationInfo migration) {
        return !(migration instanceof MigrationInfoImpl impl) || impl.canExecuteInTransaction();
    }

    /**
     * {@link #declaredTransactional(MigrationInfo)}, asked once per migration and run: Flyway answers by parsing
     * the whole script again each time it is asked.
     */
    private static boolean declaredTransactional(Run run, MigrationInfo migration) {
        return run.transactional.computeIfAbsent(object(migration), key -> declaredTransactional(migration));
    }

    private static boolean inTransaction(Run run, Context context) {
        try {
            return declaredTransactional(run, context.getMigrationInfo()) && !context.getConnection().getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the transaction state of the migration connection failed", e);
        }
    }

    private static String catalog(Connection connection) {
        try {
            return connection.getCatalog();
        } catch (SQLException e) {
            return "(migration connection)";
        }
    }

    /**
     * A finding's identity across the run: code, object and message, as the planner tells existing from
     * introduced findings; an unmapped label this release adds to a type that already had one changes the
     * message, so it is not mistaken for the existing finding.
     */
    private static String key(Finding finding) {
        return finding.code() + " " + finding.object() + " " + finding.message();
    }

    private static Finding unverified(MigrationInfo migration) {
        String object = object(migration);
        return Finding.of(FindingCode.MIGRATION_UNVERIFIED, object, "runs in a transaction", "not transactional",
                object + " does not run in a transaction (executeInTransaction=false or a statement such as CREATE"
                        + " INDEX CONCURRENTLY), so its effect cannot be verified before it commits; it was not"
                        + " applied. Make it transactional, or set gate.allow-unverified-migrations=true to run it"
                        + " and leave it to post-migration validation.", null).at(Stage.PRE_MIGRATION);
    }

    private static Finding leftToANewerRelease(MigrationInfo migration) {
        String object = object(migration);
        return Finding.of(FindingCode.MIGRATION_FUTURE, object, "this build's content",
                "changed by a newer release", object + " was last applied by a newer release, after a versioned"
                        + " migration newer than this build's: this build did not apply its older content over it."
                        + " Migrating stopped there; everything before it is applied.", null).at(Stage.PRE_MIGRATION);
    }

    private static List<Finding> rejection(MigrationInfo migration, List<Finding> introduced, boolean group) {
        String object = object(migration);
        String scope = group ? object + " (the last of a release applied as one unit)" : object;
        String causes = introduced.stream().map(f -> f.code() + " on " + f.object() + ": " + f.message())
                .collect(Collectors.joining("; "));
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of(FindingCode.MIGRATION_REJECTED, object, "no blocking finding before commit",
                introduced.stream().map(f -> f.code() + " " + f.object()).collect(Collectors.joining(", ")),
                "Pending migration " + scope + " was rolled back before commit (schema and history unchanged):"
                        + " its real effect fails blocking checks. " + causes, null).at(Stage.PRE_MIGRATION));
        introduced.forEach(f -> findings.add(new Finding(f.code(), f.severity(), f.stage(), f.object(), f.expected(),
                f.actual(), f.message() + " Introduced by pending migration " + scope
                        + ", which was rolled back before commit.", f.fix())));
        return findings;
    }
}

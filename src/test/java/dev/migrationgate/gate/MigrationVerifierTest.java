package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.process.DatabaseFacts;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.CatalogState;
import dev.migrationgate.testdb.FlywayEvents;
import dev.migrationgate.testdb.PostgresTestResource;
import dev.migrationgate.testdb.TestPostgres;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier as Quarkus registered it on its Flyway bean, proved on scratch databases: each migration the
 * issue lists (a DO block, a write to {@code pg_enum}, an edited repeatable, a Java migration, a placeholder
 * script) is refused inside its transaction with a readable finding, and {@code pg_enum}, {@code pg_class},
 * the extensions and {@code flyway_schema_history} are exactly as before; a harmless release commits.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MigrationVerifierTest {

    private static final String MAIN = "classpath:db/migration";
    private static final String FIXTURES = GateScenarios.SCRIPTS + "verifier/";
    private static final String ROLE_COMMENT = "SELECT obj_description('userrole'::regtype, 'pg_type')";
    private static final String NEWER_COMMENT = "Roles, persisted by their lower-case value (newer release)";

    @Inject
    Flyway flyway;

    @Inject
    Expectations expectations;

    @Inject
    SchemaChecks checks;

    @Inject
    GateConfig config;

    private static final TestPostgres SERVER = TestPostgres.server();
    private static String sharedAtV1;
    private String database;

    /**
     * A database at V1 that every refusal test shares: a refusal leaves it unchanged, which each of them
     * asserts. Tests whose migrations commit get a database of their own.
     */
    private void atV1Shared() {
        if (sharedAtV1 == null) {
            database = fresh();
            on(MAIN).load().migrate();
            sharedAtV1 = database;
        }
        database = sharedAtV1;
    }

    private void atV1OwnDatabase() {
        database = fresh();
        on(MAIN).load().migrate();
    }

    private String fresh() {
        String name = SERVER.createDatabase();
        AdminSql.execute(name, "CREATE EXTENSION \"uuid-ossp\"; CREATE EXTENSION pgcrypto");
        owned.add(name);
        return name;
    }

    private final List<String> owned = new ArrayList<>();

    @AfterEach
    void dropOwnDatabases() {
        owned.stream().filter(name -> !name.equals(sharedAtV1)).forEach(SERVER::dropDatabase);
    }

    @AfterAll
    static void dropSharedDatabase() {
        if (sharedAtV1 != null) {
            SERVER.dropDatabase(sharedAtV1);
            sharedAtV1 = null;
        }
    }

    @Test
    void callbackIsRegisteredOnQuarkusFlywayBean() {
        assertEquals(1, Arrays.stream(flyway.getConfiguration().getCallbacks())
                .filter(MigrationVerifier.class::isInstance).count());
    }

    @Test
    void doBlockCreatingUpperCaseLabelsIsRejectedBeforeCommit() {
        database = fresh();
        on().load().migrate();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(FIXTURES + "do-block"));

        assertRejected(findings, "V100 V100__userrole_in_do_block.sql", FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of(), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void writingPgEnumDirectlyIsRejectedBeforeCommit() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "update-pg-enum"));

        assertRejected(findings, "V101 V101__relabel_admin_in_catalog.sql", FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void lastMigrationAddingALabelJavaCannotReadIsRejectedBeforeCommit() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "unmapped-label"));

        assertRejected(findings, "V100 V100__superuser_label_in_do_block.sql", FindingCode.ENUM_LABEL_UNMAPPED,
                "userrole");
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void unmappedLabelAddedBesideANewerReleasesLabelIsStillRejected() {
        atV1OwnDatabase();
        AdminSql.execute(database, "ALTER TYPE userrole ADD VALUE 'auditor'");
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "unmapped-label"));

        assertRejected(findings, "V100 V100__superuser_label_in_do_block.sql", FindingCode.ENUM_LABEL_UNMAPPED,
                "userrole");
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of("sysadmin", "admin", "user", "auditor"), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void editedRepeatableMigrationIsRejectedBeforeCommit() {
        database = fresh();
        on(MAIN, FIXTURES + "repeatable-v1").load().migrate();
        CatalogState before = CatalogState.of(database);
        FluentConfiguration edited = on(MAIN, FIXTURES + "repeatable-v2");
        MigrationInfoService info = edited.load().info();
        assertTrue(Arrays.stream(info.all()).anyMatch(m -> m.getState() == MigrationState.OUTDATED
                && m.getScript().equals("R__role_comment.sql")), "Flyway shows the edited repeatable as OUTDATED");
        assertEquals(List.of("R__role_comment.sql"), Arrays.stream(info.pending()).map(MigrationInfo::getScript).toList(),
                "Flyway 12 lists the new text as a pending migration too");

        List<Finding> findings = refused(edited);

        assertRejected(findings, "R R__role_comment.sql", FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertEquals(before, CatalogState.of(database));
    }

    /**
     * The old release's database: its repeatable (repeatable-v1) applied, then a newer release that changed
     * it and added the versioned V100 (harmless), which tells the old release a newer one ran.
     */
    private void newerReleaseChangedTheRepeatable() {
        database = fresh();
        on(MAIN, FIXTURES + "repeatable-v1").load().migrate();
        on(MAIN, FIXTURES + "newer-repeatable", FIXTURES + "harmless").load().migrate();
    }

    @Test
    void oldReleaseNeverAppliesItsContentOverARepeatableANewerReleaseChanged() {
        newerReleaseChangedTheRepeatable();
        CatalogState before = CatalogState.of(database);
        FluentConfiguration oldRelease = on(MAIN, FIXTURES + "repeatable-v1");
        assertEquals(List.of("R__role_comment.sql"), Arrays.stream(oldRelease.load().info().pending())
                .map(MigrationInfo::getScript).toList(), "Flyway would apply the old release's content again");

        List<Finding> findings = refused(oldRelease);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(FindingCode.MIGRATION_FUTURE, findings.get(0).code(), findings.toString());
        assertEquals("R R__role_comment.sql", findings.get(0).object(), findings.toString());
        assertTrue(!findings.get(0).isError(), "a warning: the old release is compatible " + findings);
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of(NEWER_COMMENT), AdminSql.column(database, ROLE_COMMENT));
    }

    @Test
    void oldReleaseRestartingAfterANewerReleaseChangedItsRepeatablePassesWithoutMigrating() {
        newerReleaseChangedTheRepeatable();
        CatalogState before = CatalogState.of(database);
        Flyway oldRelease = on(MAIN, FIXTURES + "repeatable-v1").load();

        GateReport report = pipeline(oldRelease, oldRelease.getConfiguration().getDataSource(), config).run();

        assertEquals(GateStatus.PASSED, report.status(), report.findings().toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.code() == FindingCode.MIGRATION_FUTURE
                && f.object().equals("R R__role_comment.sql")), report.findings().toString());
        assertEquals(before, CatalogState.of(database));
        assertEquals(List.of(NEWER_COMMENT), AdminSql.column(database, ROLE_COMMENT));
    }

    /**
     * Quarkus configures no {@code ignoreMigrationPatterns}, so Flyway's validation before migrate refused a
     * newer release's versioned migration and an old pod restarting during a rollout failed its gate.
     */
    @Test
    void oldReleaseRestartingAfterANewerReleaseMigratedPasses() {
        database = fresh();
        on(MAIN, FIXTURES + "harmless").load().migrate();
        Flyway oldRelease = on(MAIN).load();

        GateReport report = pipeline(oldRelease, oldRelease.getConfiguration().getDataSource(), config).run();

        assertEquals(GateStatus.PASSED, report.status(), report.findings().toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.code() == FindingCode.MIGRATION_FUTURE
                && f.object().equals("V100 V100__add_nickname.sql")), report.findings().toString());
    }

    @Test
    void oldReleaseRestartingAfterANewerReleaseAddedARepeatablePasses() {
        database = fresh();
        on(MAIN).load().migrate();
        on(MAIN, FIXTURES + "repeatable-v1", FIXTURES + "harmless").load().migrate();
        CatalogState before = CatalogState.of(database);
        Flyway oldRelease = on(MAIN).load();

        GateReport report = pipeline(oldRelease, oldRelease.getConfiguration().getDataSource(), config).run();

        assertEquals(GateStatus.PASSED, report.status(), report.findings().toString());
        assertTrue(report.findings().stream().anyMatch(f -> f.code() == FindingCode.MIGRATION_FUTURE
                && f.object().equals("R R__role_comment.sql")), report.findings().toString());
        assertEquals(before, CatalogState.of(database));
    }

    /**
     * Another instance commits a migration before every catalog read of pre-migration (forced: the inspector's
     * data source writes a history row each time it hands out a connection) for the first four reads, then
     * removes its rows: no read pairs with the history until then, so the phase reads the catalog again, with a
     * back-off, and plans and migrates once a read finds the history unchanged.
     */
    @Test
    void preMigrationWaitsWhileAnotherInstanceCommitsMigrationsAndPlansOnceTheHistoryIsQuiet() throws IOException {
        atV1OwnDatabase();
        Flyway release = on(MAIN, FIXTURES + "harmless").load();
        AtomicInteger reads = new AtomicInteger();
        DataSource racing = otherInstanceBefore(release.getConfiguration().getDataSource(), read -> {
            if (read <= 4) {
                AdminSql.execute(database, OTHER_INSTANCE_COMMITS);
            } else if (read == 5) {
                AdminSql.execute(database, "DELETE FROM flyway_schema_history WHERE installed_by = 'other'");
            }
            reads.incrementAndGet();
        });

        GateReport report = pipeline(release, racing, config).run();

        assertEquals(GateStatus.PASSED, report.status(), report.findings().toString());
        assertTrue(reads.get() >= 6, "the catalog was read again until the history stayed unchanged: " + reads);
        assertTrue(AdminSql.appliedVersions(database).contains("100"), "V100 was applied once the history was quiet");
    }

    /**
     * A restart with nothing pending reads the catalog once before migrating and once after: the history is read
     * ahead, so the first catalog read already carries a fingerprint to pair with (before, the first read had
     * none and the catalog was read twice).
     */
    @Test
    void restartWithNothingPendingReadsTheCatalogOncePerPhase() {
        database = fresh();
        on(MAIN).load().migrate();
        Flyway release = on(MAIN).load();
        AtomicInteger reads = new AtomicInteger();
        DataSource counted = otherInstanceBefore(release.getConfiguration().getDataSource(),
                read -> reads.incrementAndGet());

        GateReport report = pipeline(release, counted, config).run();

        assertEquals(GateStatus.PASSED, report.status(), report.findings().toString());
        assertEquals(2, reads.get(), "one catalog read before migrating, one after");
    }

    @Test
    void preMigrationEndsOnALockTimeoutWhenTheHistoryChangesDuringEveryCatalogReadUntilTheLockTimeout()
            throws IOException {
        atV1OwnDatabase();
        Flyway release = on(MAIN, FIXTURES + "harmless").load();
        AtomicInteger concurrentCommits = new AtomicInteger();
        DataSource racing = otherInstanceBefore(release.getConfiguration().getDataSource(), read -> {
            AdminSql.execute(database, OTHER_INSTANCE_COMMITS);
            concurrentCommits.incrementAndGet();
        });
        Duration lockTimeout = Duration.ofSeconds(4);
        long started = System.nanoTime();

        GateReport report = pipeline(release, racing, withLockTimeout(config, lockTimeout)).run();

        assertTrue(System.nanoTime() - started >= lockTimeout.toNanos() / 2, "the reads were spread over the wait");
        assertEquals(GateStatus.FAILED, report.status(), report.findings().toString());
        Finding failure = report.findings().stream().filter(f -> f.code() == FindingCode.DATABASE_LOCK_TIMEOUT)
                .findFirst().orElseThrow(() -> new AssertionError(report.findings().toString()));
        assertTrue(failure.object().startsWith("flyway_schema_history (another instance committed a migration"),
                failure.toString());
        assertTrue(failure.message().contains("retries with back-off"), failure.message());
        assertTrue(GateWorker.PASSING.contains(failure.code()), "the worker runs the gate again");
        assertTrue(concurrentCommits.get() >= 4, "one read, one at once, then reads with a back-off: "
                + concurrentCommits);
        assertEquals(DatabaseFacts.shippedVersions(), AdminSql.appliedVersions(database).stream()
                .filter(Objects::nonNull).collect(Collectors.toSet()), "V100 was not applied");
    }

    /** A repeatable migration another instance committed: one more history row. */
    private static final String OTHER_INSTANCE_COMMITS = "INSERT INTO flyway_schema_history (installed_rank, version,"
            + " description, type, script, checksum, installed_by, execution_time, success)"
            + " SELECT max(installed_rank) + 1, NULL, 'other instance ' || max(installed_rank), 'SQL',"
            + " 'R__other_instance_' || max(installed_rank) || '.sql', 1, 'other', 1, true FROM flyway_schema_history";

    /** {@code direct}, running {@code beforeRead} with the number of the catalog read before each one. */
    private static DataSource otherInstanceBefore(DataSource direct, IntConsumer beforeRead) {
        AtomicInteger read = new AtomicInteger();
        return (DataSource) Proxy.newProxyInstance(MigrationVerifierTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        beforeRead.accept(read.incrementAndGet());
                    }
                    try {
                        return method.invoke(direct, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code config} with {@code gate.lock-timeout} set to {@code lockTimeout}. */
    private static GateConfig withLockTimeout(GateConfig config, Duration lockTimeout) {
        return (GateConfig) Proxy.newProxyInstance(MigrationVerifierTest.class.getClassLoader(),
                new Class<?>[] {GateConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lockTimeout")) {
                        return lockTimeout;
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The start-up pipeline for {@code release} with {@code config}, its catalog read through {@code catalog}. */
    private GatePipeline pipeline(Flyway release, DataSource catalog, GateConfig config) {
        FlywayHistoryReader history = new FlywayHistoryReader(database, release);
        JdbcCatalogInspector inspector = new JdbcCatalogInspector(database, catalog, history);
        return new GatePipeline(new GateState(Clock.systemUTC()), config, expectations, release, inspector, history,
                checks, new SchemaValidator(expectations, inspector, checks), null, ReadinessWarmUp.NONE,
                Clock.systemUTC());
    }

    @Test
    void javaMigrationIsRejectedBeforeCommit() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, "classpath:dev/migrationgate/gate/javamigration"));

        assertRejected(findings, "V100 dev.migrationgate.gate.javamigration.V100__UpperCaseUserLabel",
                FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void placeholderScriptIsRejectedBeforeCommit() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "placeholder"));

        assertRejected(findings, "V100 V100__label_from_placeholder.sql", FindingCode.ENUM_LABEL_UNMAPPED, "userrole");
        assertTrue(findings.get(0).message().contains("'" + SERVER.user() + "'"), findings.get(0).message());
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void harmlessReleaseIsVerifiedAndCommits() {
        atV1OwnDatabase();

        on(MAIN, FIXTURES + "harmless").load().migrate();

        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.appliedVersions(database));
        assertEquals(List.of("nickname"), AdminSql.column(database, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'users' AND column_name = 'nickname'"));
    }

    @Test
    void scriptThatEmptiesTheSearchPathLikePgDumpIsJudgedWithTheApplicationsSearchPathAndCommits() {
        atV1OwnDatabase();

        on(MAIN, FIXTURES + "search-path-harmless").load().migrate();

        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.appliedVersions(database));
    }

    @Test
    void tableThatShadowsAMappedOneForTheApplicationIsRefusedWhateverSearchPathTheScriptRunsWith() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "search-path-shadow"));

        assertEquals(FindingCode.MIGRATION_REJECTED, findings.get(0).code(), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.object().equals("users.role")), "the application's sessions"
                + " would find the shadowing users, without a role column: " + findings);
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void scriptThatEmptiesTheSearchPathIsStillRefusedForWhatItBreaks() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "search-path-timestamptz"));

        assertRejected(findings, "V100 V100__pg_dump_style_timestamptz.sql", FindingCode.TIMESTAMP_TZ_MISMATCH,
                "users.created_at");
        assertTrue(findings.stream().noneMatch(f -> f.message().contains("does not exist")), "the mapped tables"
                + " were found, not read as missing: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.code() == FindingCode.TIMESTAMP_TZ_MISMATCH
                && f.object().equals("users.created_at") && f.actual().contains("with time zone")), findings.toString());
        assertEquals(before, CatalogState.of(database));
    }

    /**
     * The verifier reads what the server offers once per run; a later migration of the run that drops a
     * required extension is still judged with it, and refused.
     */
    @Test
    void laterMigrationDroppingARequiredExtensionIsRejectedBeforeCommit() {
        atV1OwnDatabase();

        List<Finding> findings = refused(on(MAIN, FIXTURES + "drops-extension"));

        assertRejected(findings, "V101 V101__drop_pgcrypto.sql", FindingCode.EXTENSION_MISSING, "pgcrypto");
        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.appliedVersions(database));
        assertEquals(List.of("pgcrypto"), AdminSql.column(database,
                "SELECT extname::text FROM pg_extension WHERE extname = 'pgcrypto'"));
    }

    @Test
    void runWithNothingToApplyCostsTheVerifierNoFlywayRead() {
        atV1OwnDatabase();
        AtomicInteger verifierReads = new AtomicInteger();

        counting(on(MAIN), verifierReads).load().migrate();
        int upToDate = verifierReads.getAndSet(0);
        counting(on(MAIN, FIXTURES + "harmless"), verifierReads).load().migrate();

        assertEquals(0, upToDate, "Flyway info() reads while nothing was pending");
        assertEquals(1, verifierReads.get(), "Flyway info() reads while applying one migration");
    }

    /**
     * Flyway's {@code info()} commits on the connection it is given: through a plain borrowed view it ends the
     * caller's transaction, through the transaction-held view the verifier gives it inside a migration's
     * transaction it does not.
     */
    @Test
    void flywayInfoEndsTheTransactionOfABorrowedConnectionButNotOfATransactionHeldOne() throws SQLException {
        atV1Shared();

        assertEquals(List.of("0"), locksAfterInfo(HeldConnection::borrowed), "borrowed: the transaction ended");
        assertEquals(List.of("1"), locksAfterInfo(HeldConnection::transactionHeld), "held: the transaction is open");
    }

    /** Takes a transaction-level lock, runs Flyway's info() through {@code view}, and counts the lock. */
    private List<String> locksAfterInfo(HeldView view) throws SQLException {
        try (Connection connection = SERVER.connect(database); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(4242)");
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .dataSource(view.of(connection)).load().info().all();
            List<String> locks = AdminSql.column(database,
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242");
            connection.rollback();
            return locks;
        }
    }

    /** A data source view of one connection. */
    @FunctionalInterface
    private interface HeldView {
        DataSource of(Connection connection) throws SQLException;
    }

    /**
     * {@code configuration} with a callback counting Flyway's {@code info()} reads: {@code migrate()} itself
     * reads none, so each is the verifier's (its copy of the configuration keeps the callback).
     */
    private static FluentConfiguration counting(FluentConfiguration configuration, AtomicInteger reads) {
        Callback counter = FlywayEvents.counting(Event.BEFORE_INFO, reads);
        Callback[] configured = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(configured, configured.length + 1);
        callbacks[configured.length] = counter;
        return configuration.callbacks(callbacks);
    }

    @Test
    void perMigrationJudgementRefusesTheMigrationThatBreaksEvenIfTheNextRepairs() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "breaks-then-repairs"));

        assertRejected(findings, "V100 V100__role_admin_upper_case.sql", FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void perMigrationJudgementRefusesAMiddleMigrationThatBreaksAMappedColumnTheFleetUses() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "enum-column-broken-then-repaired"));

        assertRejected(findings, "V100 V100__role_as_varchar.sql", FindingCode.ENUM_COLUMN_TYPE_MISMATCH,
                "users.role");
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void middleMigrationBreakingAnObjectThatHadOnlyAWarningBeforeTheReleaseIsRefused() {
        atV1OwnDatabase();
        AdminSql.execute(database, "ALTER TYPE userrole ADD VALUE 'auditor'");
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "label-dropped-then-restored"));

        assertRejected(findings, "V100 V100__userrole_without_user.sql", FindingCode.ENUM_LABEL_MISSING, "userrole");
        assertEquals(before, CatalogState.of(database), "a warning (a newer release's label) exempts nothing");
    }

    @Test
    void groupModeAppliesAReleaseWhoseMiddleStateBreaksWhatItsEndRepairs() {
        atV1OwnDatabase();

        on(MAIN, FIXTURES + "enum-column-broken-then-repaired").group(true).load().migrate();

        assertEquals(DatabaseFacts.shippedVersionsThen("100", "101"), AdminSql.appliedVersions(database));
    }

    @Test
    void groupModeJudgesTheReleaseAsOneUnit() {
        atV1OwnDatabase();

        on(MAIN, FIXTURES + "breaks-then-repairs").group(true).load().migrate();

        assertEquals(DatabaseFacts.shippedVersionsThen("100", "101"), AdminSql.appliedVersions(database));
        assertEquals(List.of("sysadmin", "admin", "user"), AdminSql.enumLabels(database, "userrole"));
    }

    @Test
    void groupModeRefusesAReleaseWhoseFinalStateIsBroken() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "harmless", FIXTURES + "repeatable-v2").group(true));

        assertRejected(findings, "R R__role_comment.sql", FindingCode.ENUM_CASE_MISMATCH, "userrole");
        assertTrue(findings.get(0).message().contains("applied as one unit"), findings.get(0).message());
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void indexCreatedConcurrentlyIsRefusedAsUnverified() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);
        List<Finding> findings = refused(on(MAIN, FIXTURES + "concurrently"));

        assertEquals(FindingCode.MIGRATION_UNVERIFIED, findings.get(0).code(), findings.toString());
        assertEquals("V100 V100__index_created_at_concurrently.sql", findings.get(0).object());
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void unverifiableMigrationRefusesTheWholeReleaseBeforeItsFirstMigrationRuns() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "harmless", FIXTURES + "concurrently-after-harmless"));

        assertEquals(List.of(FindingCode.MIGRATION_UNVERIFIED), findings.stream().map(Finding::code).toList());
        assertEquals("V101 V101__index_created_at_concurrently.sql", findings.get(0).object());
        assertEquals(DatabaseFacts.shippedVersionsThen(), AdminSql.appliedVersions(database));
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void scriptConfiguredOutsideTransactionIsRefusedAsUnverified() {
        atV1Shared();
        CatalogState before = CatalogState.of(database);

        List<Finding> findings = refused(on(MAIN, FIXTURES + "no-transaction"));

        assertEquals(FindingCode.MIGRATION_UNVERIFIED, findings.get(0).code(), findings.toString());
        assertEquals("V100 V100__comment_outside_transaction.sql", findings.get(0).object());
        assertTrue(findings.get(0).message().contains("gate.allow-unverified-migrations=true"), findings.toString());
        assertEquals(before, CatalogState.of(database));
    }

    @Test
    void allowedUnverifiedMigrationRunsAndIsLeftToPostMigrationValidation() {
        atV1OwnDatabase();
        MigrationVerifier allowing = new MigrationVerifier(() -> expectations, checks, BlockingPolicy.standard(), true);

        on(MAIN, FIXTURES + "no-transaction").callbacks(allowing).load().migrate();

        assertEquals(DatabaseFacts.shippedVersionsThen("100"), AdminSql.appliedVersions(database));
        assertEquals(List.of("Accounts of the IAM dashboard"),
                AdminSql.column(database, "SELECT obj_description('users'::regclass, 'pg_class')"));
    }

    /** Quarkus's Flyway configuration, verifier included, on the scratch database with these locations. */
    private FluentConfiguration on(String... locations) {
        return Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .dataSource(SERVER.jdbcUrl(database), SERVER.user(), SERVER.password())
                .locations(locations)
                .resourceProvider(null)
                .javaMigrationClassProvider(null);
    }

    private static List<Finding> refused(FluentConfiguration release) {
        FlywayException failure = assertThrows(FlywayException.class, () -> release.load().migrate());
        return MigrateFailures.refusal(failure)
                .orElseThrow(() -> new AssertionError("not refused by the verifier: " + failure, failure)).findings();
    }

    private static void assertRejected(List<Finding> findings, String script, FindingCode cause, String object) {
        Finding rejected = findings.get(0);
        assertEquals(FindingCode.MIGRATION_REJECTED, rejected.code(), findings.toString());
        assertEquals(script, rejected.object(), findings.toString());
        assertTrue(rejected.actual().contains(cause + " " + object), rejected.actual());
        assertTrue(rejected.message().contains("rolled back before commit"), rejected.message());
        assertTrue(findings.stream().anyMatch(f -> f.code() == cause && f.object().equals(object)
                && f.message().contains("Introduced by pending migration " + script)), findings.toString());
    }
}

package dev.migrationgate.bench;

import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.expect.ExtensionRequirements;
import dev.migrationgate.expect.ModelBootstrap;
import dev.migrationgate.expect.ModelExpectations;
import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserAgentPermission;
import dev.migrationgate.inspect.FlywayHistoryReader;
import dev.migrationgate.inspect.InspectionResult;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.MigrationHistoryReader;
import dev.migrationgate.inspect.ReactiveCatalogInspector;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.TestPostgres;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * The engine's performance benchmark (issues 3 and 10): the engine's validation (catalog inspection, then the
 * checks) against Hibernate ORM's own schema validation, on one {@link SyntheticSchema} (by default 1,000 tables, 10,000
 * columns, 200 enum types) and the entity model generated from the same description. It creates and drops
 * its own database on the {@link TestPostgres} server and builds the schema there with Flyway (so Flyway's
 * history holds one applied migration), warms up, then times the validators in interleaved rounds and prints
 * their times, queries and round trips, the ratios, and whether each goal is met. The engine reads the history
 * as readiness does: its fingerprint with the catalog, Flyway's verdict from memory while it is unchanged; a
 * further row runs Flyway's full validation every time, which is what a changed history costs. Exits 1 when a
 * validator finds the schema and the model disagreeing, which would make the figures meaningless.
 * <p>
 * Run: {@code ./mvnw -B -Pbench test-compile exec:exec}; system properties {@code bench.tables},
 * {@code bench.enumTypes}, {@code bench.warmups} and {@code bench.rounds} change the size and the rounds.
 */
public final class ValidationBenchmark {

    private static final int VERIFIER_ROUNDS = 5;
    private static final int VERIFIER_BATCH = 10;

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        LogManager.getLogManager().getLogger("").setLevel(Level.WARNING);
        SyntheticSchema schema = new SyntheticSchema(Integer.getInteger("bench.tables", 1000),
                Integer.getInteger("bench.enumTypes", 200));
        int warmups = Integer.getInteger("bench.warmups", 10);
        int rounds = Integer.getInteger("bench.rounds", 20);
        TestPostgres server = TestPostgres.server();
        String database = server.createDatabase();
        Path work = Files.createTempDirectory("migration-gate-bench");
        int status;
        try {
            status = run(schema, warmups, rounds, server, database, work);
        } finally {
            server.dropDatabase(database);
            delete(work);
        }
        System.exit(status);
    }

    private static int run(SyntheticSchema schema, int warmups, int rounds, TestPostgres server, String database,
            Path work) throws IOException {
        QueryCounter counter = new QueryCounter();
        Vertx vertx = Vertx.vertx();
        Pool reactivePool = Pool.pool(vertx, PgConnectOptions.fromUri(server.reactiveUrl(database))
                .setUser(server.user()).setPassword(server.password()), new PoolOptions().setMaxSize(2));
        try (AgroalDataSource pool = pool(server, database)) {
            DataSource dataSource = counter.counting(pool);
            Flyway flyway = createSchema(schema, dataSource, work.resolve("migrations"));
            long started = System.nanoTime();
            try (URLClassLoader model = GeneratedModel.compile(schema.javaSources(),
                    Files.createDirectories(work.resolve("classes")));
                    SessionFactory grouped = boot(dataSource, model, schema, "grouped");
                    SessionFactory individually = boot(dataSource, model, schema, "individually")) {
                System.out.printf(Locale.ROOT, "Entity model generated, compiled and booted twice in %.1f s%n",
                        seconds(started));
                Expectations expectations = ModelExpectations.derive(grouped,
                        ExtensionRequirements.parse(List.of("uuid-ossp", "pgcrypto"), List.of()));
                SchemaChecks checks = new SchemaChecks(Clock.systemUTC());
                FlywayHistoryReader history = new FlywayHistoryReader(database, flyway);
                MigrationHistoryReader flywayEachTime = new FlywayHistoryReader(database, flyway)::read;
                JdbcCatalogInspector jdbc = new JdbcCatalogInspector(database, dataSource, history);
                JdbcCatalogInspector bare = new JdbcCatalogInspector(database, dataSource,
                        MigrationHistoryReader.none());
                JdbcCatalogInspector flywayJdbc = new JdbcCatalogInspector(database, dataSource, flywayEachTime);
                ReactiveCatalogInspector reactive = new ReactiveCatalogInspector(database, reactivePool,
                        new FlywayHistoryReader(database, flyway));
                List<Candidate> candidates = List.of(
                        engine("engine JDBC, no history", () -> bare.inspect(expectations), checks, expectations),
                        engine("engine JDBC + history", () -> jdbc.inspect(expectations), checks, expectations),
                        engine("engine reactive + history",
                                () -> reactive.inspect(expectations).await().indefinitely(), checks, expectations),
                        engine("engine JDBC + Flyway validate", () -> flywayJdbc.inspect(expectations), checks,
                                expectations),
                        new Candidate("Hibernate validate", () -> hibernate(grouped)),
                        new Candidate("Hibernate, individually", () -> hibernate(individually)));
                double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                List<List<Sample>> samples = measure(candidates, counter, warmups, rounds);
                double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                int status = Results.print(String.format(Locale.ROOT, "%d tables, %d columns, %d enum types (%d enum"
                        + " and %d temporal columns mapped)%nPostgreSQL %s, Java %s, %d CPUs, load average %.1f"
                        + " before and %.1f after; %d warm-up and %d measured rounds, validators interleaved",
                        expectations.tables().size(), columnCount(pool, expectations), enumTypeCount(pool),
                        expectations.enums().size(), expectations.temporals().size(), serverVersion(pool),
                        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore,
                        loadAfter, warmups, rounds), candidates, samples);
                VerifierCost synthetic = new VerifierCost(pool, "filesystem:" + work.resolve("migrations"), expectations,
                        checks, work.resolve("verifier"));
                System.out.println(VerifierCost.line(expectations.tables().size() + " tables", VERIFIER_ROUNDS,
                        VERIFIER_BATCH, synthetic.addedMillisPerMigration(VERIFIER_ROUNDS, VERIFIER_BATCH)));
                System.out.println(VerifierCost.line("seed schema (V1, 3 tables)", VERIFIER_ROUNDS, VERIFIER_BATCH,
                        seedVerifierCost(server, checks, work.resolve("verifier-seed"))));
                return status;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Opening the connection pool on database " + database, e);
        } finally {
            reactivePool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    /** The verifier's added time per migration on the application's own V1 and entity model. */
    private static double seedVerifierCost(TestPostgres server, SchemaChecks checks, Path work) throws IOException {
        String database = server.createDatabase();
        try (AgroalDataSource pool = pool(server, database)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION \"uuid-ossp\"; CREATE EXTENSION pgcrypto");
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.DATASOURCE, pool)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                    .addService(BytecodeProvider.class, new BytecodeProviderImpl())
                    .build();
            try (SessionFactory seed = ModelBootstrap.sessionFactory(registry,
                    List.of(User.class, AuditLog.class, UserAgentPermission.class))) {
                Expectations expectations = ModelExpectations.derive(seed,
                        ExtensionRequirements.parse(List.of("uuid-ossp", "pgcrypto"), List.of()));
                return new VerifierCost(pool, "classpath:db/migration", expectations, checks, work)
                        .addedMillisPerMigration(VERIFIER_ROUNDS, VERIFIER_BATCH);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Preparing the seed schema in database " + database, e);
        } finally {
            server.dropDatabase(database);
        }
    }

    /** One validator under measurement. */
    record Candidate(String name, Supplier<Sample> run) {
    }

    /**
     * One timed validation.
     *
     * @param catalogQueries what the inspector reports, or -1 for Hibernate
     * @param inspectNanos the inspection's own duration, or -1 for Hibernate
     * @param problems the findings, or Hibernate's validation failure; empty when the schema matches
     */
    record Sample(long nanos, long inspectNanos, int catalogQueries, long jdbcQueries, long roundTrips,
            List<String> problems) {

        Sample counted(long jdbcQueries, long roundTrips) {
            return new Sample(nanos, inspectNanos, catalogQueries, jdbcQueries, roundTrips, problems);
        }
    }

    /** Writes the schema as Flyway's first migration in {@code migrations} and applies it. */
    private static Flyway createSchema(SyntheticSchema schema, DataSource dataSource, Path migrations)
            throws IOException {
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__synthetic_schema.sql"), schema.migration());
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load();
        long started = System.nanoTime();
        flyway.migrate();
        System.out.printf(Locale.ROOT, "Schema created by Flyway (V1__synthetic_schema.sql) in %.1f s%n",
                seconds(started));
        return flyway;
    }

    private static Candidate engine(String name, Supplier<InspectionResult> inspector, SchemaChecks checks,
            Expectations expectations) {
        return new Candidate(name, () -> {
            long started = System.nanoTime();
            InspectionResult inspection = inspector.get();
            GateReport report = checks.evaluate(expectations, inspection.snapshot(), Stage.RUNTIME);
            long nanos = System.nanoTime() - started;
            return new Sample(nanos, inspection.duration().toNanos(), inspection.catalogQueries(), 0, 0,
                    report.findings().stream().map(f -> f.code() + " " + f.object() + ": " + f.message()).toList());
        });
    }

    private static Sample hibernate(SessionFactory sessionFactory) {
        long started = System.nanoTime();
        List<String> problems;
        try {
            sessionFactory.getSchemaManager().validateMappedObjects();
            problems = List.of();
        } catch (SchemaManagementException e) {
            problems = List.of(e.getMessage());
        }
        return new Sample(System.nanoTime() - started, -1, -1, 0, 0, problems);
    }

    /** Warm-up rounds, then measured ones; each round runs every candidate once, in order. */
    private static List<List<Sample>> measure(List<Candidate> candidates, QueryCounter counter, int warmups,
            int rounds) {
        List<List<Sample>> samples = new ArrayList<>();
        candidates.forEach(c -> samples.add(new ArrayList<>()));
        for (int round = 0; round < warmups + rounds; round++) {
            for (int c = 0; c < candidates.size(); c++) {
                long queries = counter.queries();
                long roundTrips = RoundTripCounter.roundTrips();
                Sample sample = candidates.get(c).run().get();
                if (round >= warmups) {
                    samples.get(c).add(sample.counted(counter.queries() - queries,
                            RoundTripCounter.roundTrips() - roundTrips));
                }
            }
        }
        return samples;
    }

    /**
     * Boots Hibernate on the generated model with its JDBC metadata extraction {@code strategy}:
     * {@code grouped} (the default: one query per kind of object for the whole schema) or {@code individually}
     * (queries per table). Quarkus keeps Byte Buddy off the class path, so Hibernate runs with its no-op
     * bytecode provider (the model has no lazy associations that would need proxies).
     */
    private static SessionFactory boot(DataSource dataSource, ClassLoader model, SyntheticSchema schema,
            String strategy) {
        List<Class<?>> entities = GeneratedModel.load(model, schema.entityClassNames());
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(model).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.HBM2DDL_JDBC_METADATA_EXTRACTOR_STRATEGY, strategy)
                .addService(BytecodeProvider.class, new BytecodeProviderImpl())
                .build();
        return ModelBootstrap.sessionFactory(registry, entities);
    }

    /** A pool like Quarkus's (Agroal) whose connections count their round trips. */
    private static AgroalDataSource pool(TestPostgres server, String database) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4)
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(RoundTripCounter.on(server.jdbcUrl(database)))
                                .principal(new NamePrincipal(server.user()))
                                .credential(new SimplePassword(server.password())))));
    }

    private static String serverVersion(DataSource dataSource) {
        return single(dataSource, "SHOW server_version");
    }

    private static int enumTypeCount(DataSource dataSource) {
        return Integer.parseInt(single(dataSource, "SELECT count(*) FROM pg_type WHERE typtype = 'e'"));
    }

    private static int columnCount(DataSource dataSource, Expectations expectations) {
        return Integer.parseInt(single(dataSource, "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid ="
                + " a.attrelid WHERE c.relname IN ('" + String.join("', '", expectations.tables()) + "') AND a.attnum > 0"
                + " AND NOT a.attisdropped"));
    }

    private static String single(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Running " + sql, e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

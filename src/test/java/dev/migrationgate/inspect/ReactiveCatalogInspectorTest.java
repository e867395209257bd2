package dev.migrationgate.inspect;

import dev.migrationgate.check.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reactive inspector against a real PostgreSQL, and its agreement with the JDBC one. */
class ReactiveCatalogInspectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Vertx vertx;
    private ScratchDatabase db;
    private Pool pool;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createDatabase() {
        db = new ScratchDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (pool != null) {
            pool.closeAndAwait();
        }
        db.close();
    }

    private InspectionResult inspect(Pool pool, MigrationHistoryReader history, List<String> tables) {
        this.pool = pool;
        return new ReactiveCatalogInspector(db.name, pool, history).inspect(tables).await().atMost(WAIT);
    }

    /**
     * pgjdbc sends the JVM's zone as the session TimeZone when it connects, the reactive client sends none;
     * the reactive pool is given the same startup TimeZone so that both inspect equal sessions.
     */
    @Test
    void reactiveAndJdbcSnapshotsOfOneDatabaseAreEqual() {
        db.flyway("main").migrate();
        db.execute("CREATE EXTENSION \"uuid-ossp\"", "CREATE SCHEMA ext", "CREATE EXTENSION citext SCHEMA ext",
                "CREATE TYPE status AS ENUM ('b', 'd')", "ALTER TYPE status ADD VALUE 'a' BEFORE 'b'",
                "CREATE DOMAIN email AS text", "CREATE TABLE accounts (id uuid DEFAULT uuid_generate_v4(),"
                        + " status status, statuses status[], created_at timestamp(3), seen_at timestamptz,"
                        + " contact email, name ext.citext)");
        List<String> tables = List.of("accounts", "widgets", "gadgets");
        String jdbcZone = db.single("SHOW TimeZone");

        CatalogSnapshot jdbc = new JdbcCatalogInspector(db.name, db.dataSource(),
                new FlywayHistoryReader(db.name, db.flyway("main"))).snapshot(tables);
        CatalogSnapshot reactive = inspect(db.pool(vertx, Map.of("TimeZone", jdbcZone)),
                new FlywayHistoryReader(db.name, db.flyway("main")), tables).snapshot();

        assertEquals(9, jdbc.columns().size());
        assertEquals(List.of("a", "b", "d"), jdbc.enumTypes().get(0).labels());
        assertEquals(2, jdbc.migrations().migrations().size());
        assertTrue(jdbc.columns().stream().anyMatch(c -> c.formatType().equals("ext.citext")), jdbc.columns().toString());
        assertEquals(jdbc, reactive);
    }

    /** The simple protocol carries the table names inlined as one array literal, which must quote them exactly. */
    @Test
    void tableNamesWithQuotesBackslashesCommasAndBracesAreReadAsNamed() {
        List<String> tables = List.of("it's", "say \"hi\"", "back\\slash", "a,b", "{braces}", "NULL", "sp ace");
        for (String table : tables) {
            db.execute("CREATE TABLE " + Sql.identifier(table) + " (id int)");
        }
        db.execute("CREATE TABLE unrequested (id int)");

        List<String> read = inspect(db.pool(vertx, Map.of()), MigrationHistoryReader.none(), tables).snapshot()
                .columns().stream().map(PgColumn::table).sorted().toList();

        assertEquals(tables.stream().sorted().toList(), read);
    }

    @Test
    void threeHundredTablesTakeThreeCatalogQueries() {
        db.execute("DO $$ BEGIN FOR i IN 1..300 LOOP"
                + " EXECUTE format('CREATE TYPE kind_%s AS ENUM (''a'', ''b'')', i);"
                + " EXECUTE format('CREATE TABLE t_%s (id bigint, kind kind_%s, created_at timestamp, note text,"
                + " seen_at timestamptz)', i, i); END LOOP; END $$");
        List<String> tables = IntStream.rangeClosed(1, 300).mapToObj(i -> "t_" + i).toList();

        InspectionResult result = inspect(db.pool(vertx, Map.of()), MigrationHistoryReader.none(), tables);

        assertEquals(3, result.catalogQueries());
        assertEquals(1500, result.snapshot().columns().size());
        assertEquals(300, result.snapshot().enumTypes().size());
        assertTrue(result.duration().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void databaseTimeZoneIsTheDefaultAndAStartupSettingOverridesIt() {
        db.execute("ALTER DATABASE " + db.name + " SET TimeZone = 'Europe/Berlin'", "CREATE SCHEMA app");

        SessionSettings fromDatabase = inspect(db.pool(vertx, Map.of()), MigrationHistoryReader.none(), List.of())
                .snapshot().settings();
        assertEquals("Europe/Berlin", fromDatabase.sessionTimeZone());
        assertEquals("Europe/Berlin", fromDatabase.defaultTimeZone());
        assertEquals(List.of("pg_catalog", "public"), fromDatabase.searchPath());
        pool.closeAndAwait();

        SessionSettings fromClient = inspect(db.pool(vertx, Map.of("TimeZone", "Asia/Tokyo", "search_path", "app")),
                MigrationHistoryReader.none(), List.of()).snapshot().settings();
        assertEquals("Asia/Tokyo", fromClient.sessionTimeZone());
        assertEquals("Asia/Tokyo", fromClient.defaultTimeZone(), "a startup setting is what RESET restores");
        assertEquals(List.of("pg_catalog", "app"), fromClient.searchPath());
    }

    @Test
    void migrationHistoryIsReadOffTheEventLoop() {
        AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
        MigrationHistoryReader probe = () -> {
            onEventLoop.set(io.vertx.core.Context.isOnEventLoopThread());
            return MigrationHistory.empty();
        };

        inspect(db.pool(vertx, Map.of()), probe, List.of());

        assertNotNull(onEventLoop.get(), "the history was read");
        assertFalse(onEventLoop.get(), "Flyway blocks: it must not run on an event loop");
    }

    @Test
    void failingCatalogQueryNamesOperationAndDatabaseAndKeepsCause() {
        String role = db.createRole();
        db.execute("REVOKE SELECT ON pg_catalog.pg_enum FROM PUBLIC");

        InspectionException failure = assertThrows(InspectionException.class,
                () -> inspect(db.pool(vertx, role, "", Map.of()), MigrationHistoryReader.none(), List.of()));

        assertTrue(failure.getMessage().startsWith("reading enum types, "), failure.getMessage());
        assertTrue(failure.getMessage().contains(" of database " + db.name + ": "), failure.getMessage());
        assertTrue(failure.getMessage().contains("permission denied for table pg_enum"), failure.getMessage());
        assertInstanceOf(PgException.class, failure.getCause());
    }

    @Test
    void unreachableDatabaseNamesTheConnectionAndKeepsCause() {
        db.execute("REVOKE CONNECT ON DATABASE " + db.name + " FROM PUBLIC");
        String role = db.createRole();

        InspectionException failure = assertThrows(InspectionException.class,
                () -> inspect(db.pool(vertx, role, "", Map.of()), MigrationHistoryReader.none(), List.of()));

        assertTrue(failure.getMessage().startsWith("connecting to database " + db.name + ": "), failure.getMessage());
        assertInstanceOf(PgException.class, failure.getCause());
    }
}

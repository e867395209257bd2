package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationgate.expect.Expectations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC inspector against a real PostgreSQL, one fresh database per test. */
class JdbcCatalogInspectorTest {

    private ScratchDatabase db;

    @BeforeEach
    void createDatabase() {
        db = new ScratchDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private CatalogSnapshot snapshot(String... tables) {
        return new JdbcCatalogInspector(db.name, db.dataSource(), MigrationHistoryReader.none()).snapshot(List.of(tables));
    }

    private static Optional<PgExtension> extension(CatalogSnapshot snapshot, String name) {
        return snapshot.extensions().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Optional<PgEnumType> enumType(CatalogSnapshot snapshot, String name) {
        return snapshot.enumTypes().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void enumLabelsFollowSortOrderAfterAddValueBeforeAndAfter() {
        db.execute("CREATE TYPE status AS ENUM ('b', 'd')",
                "ALTER TYPE status ADD VALUE 'a' BEFORE 'b'",
                "ALTER TYPE status ADD VALUE 'c' AFTER 'b'",
                "ALTER TYPE status ADD VALUE 'e'",
                "CREATE SCHEMA billing",
                "CREATE TYPE billing.status AS ENUM ('open', 'paid')",
                "CREATE TYPE nothing_yet AS ENUM ()");

        assertEquals(List.of(new PgEnumType("billing", "status", List.of("open", "paid")),
                new PgEnumType("public", "nothing_yet", List.of()),
                new PgEnumType("public", "status", List.of("a", "b", "c", "d", "e"))), snapshot().enumTypes());
    }

    @Test
    void enumTypesBelongingToAnExtensionAreLeftOut() {
        db.execute("CREATE EXTENSION citext", "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE TYPE colour AS ENUM ('red')");
        assertTrue(enumType(snapshot(), "mood").isPresent(), "an enum of the application's own is read");

        db.execute("ALTER EXTENSION citext ADD TYPE mood");
        assertEquals("e", db.single("SELECT d.deptype FROM pg_depend d WHERE d.classid = 'pg_type'::regclass"
                + " AND d.objid = 'mood'::regtype AND d.refclassid = 'pg_extension'::regclass"),
                "ALTER EXTENSION ADD records the same extension membership as CREATE EXTENSION does");

        CatalogSnapshot snapshot = snapshot();
        assertEquals(Optional.empty(), enumType(snapshot, "mood"));
        assertEquals(Optional.of(new PgEnumType("public", "colour", List.of("red"))), enumType(snapshot, "colour"));
    }

    @Test
    void columnsCarryFormatTypeTypeNameAndEnumFlag() {
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
                "CREATE TABLE events (id bigint, price numeric(10, 2), at_naive timestamp(3), at_aware timestamptz,"
                        + " at_default timestamp, mood mood, tags text[], moods mood[], contact email)",
                "ALTER TABLE events DROP COLUMN price");

        assertEquals(List.of(
                new PgColumn("public", "events", "id", "bigint", "pg_catalog", "int8", false),
                new PgColumn("public", "events", "at_naive", "timestamp(3) without time zone", "pg_catalog",
                        "timestamp", false),
                new PgColumn("public", "events", "at_aware", "timestamp with time zone", "pg_catalog", "timestamptz",
                        false),
                new PgColumn("public", "events", "at_default", "timestamp without time zone", "pg_catalog",
                        "timestamp", false),
                new PgColumn("public", "events", "mood", "mood", "public", "mood", true),
                new PgColumn("public", "events", "tags", "text[]", "pg_catalog", "_text", false),
                new PgColumn("public", "events", "moods", "mood[]", "public", "_mood", false),
                new PgColumn("public", "events", "contact", "email", "public", "email", false)),
                snapshot("events").columns());
    }

    @Test
    void onlyRequestedTablesVisibleOnTheSearchPathAreRead() {
        db.execute("CREATE TABLE users (id int)", "CREATE TABLE orders (id int, total int)",
                "CREATE TABLE ignored (id int)", "CREATE VIEW active_users AS SELECT id FROM users",
                "CREATE SCHEMA hidden", "CREATE TABLE hidden.users (secret text)",
                "CREATE TABLE hidden.invisible (x int)");

        List<String> read = snapshot("users", "orders", "active_users", "invisible", "no_such_table").columns()
                .stream().map(c -> c.schema() + "." + c.qualifiedName()).toList();

        assertEquals(List.of("public.active_users.id", "public.orders.id", "public.orders.total", "public.users.id"),
                read);
    }

    @Test
    void extensionsReportInstalledAvailableVersionsSchemaAndTrust() {
        db.execute("CREATE EXTENSION \"uuid-ossp\"", "CREATE EXTENSION hstore VERSION '1.4'", "CREATE SCHEMA ext",
                "CREATE EXTENSION citext SCHEMA ext");

        CatalogSnapshot snapshot = snapshot();

        PgExtension uuid = extension(snapshot, "uuid-ossp").orElseThrow();
        assertTrue(uuid.installed() && uuid.available(), uuid.toString());
        assertEquals(uuid.defaultVersion(), uuid.installedVersion());
        assertEquals(Optional.of("public"), uuid.schema());

        PgExtension hstore = extension(snapshot, "hstore").orElseThrow();
        assertEquals(Optional.of("1.4"), hstore.installedVersion());
        assertTrue(hstore.defaultVersion().isPresent() && !hstore.defaultVersion().equals(hstore.installedVersion()),
                hstore.toString());

        PgExtension citext = extension(snapshot, "citext").orElseThrow();
        assertEquals(Optional.of("ext"), citext.schema());
        assertFalse(snapshot.settings().searchPath().contains("ext"), snapshot.settings().toString());

        PgExtension trigram = extension(snapshot, "pg_trgm").orElseThrow();
        assertTrue(trigram.available() && !trigram.installed(), trigram.toString());
        assertEquals(Optional.empty(), trigram.schema());

        assertTrue(extension(snapshot, "pgcrypto").orElseThrow().trusted(), "pgcrypto is trusted since PostgreSQL 13");
        PgExtension fileFdw = extension(snapshot, "file_fdw").orElseThrow();
        assertTrue(fileFdw.superuserRequired() && !fileFdw.trusted(), fileFdw.toString());
        assertEquals(Optional.of(new PgExtension("plpgsql", Optional.of("1.0"), Optional.of("1.0"),
                Optional.of("pg_catalog"), true, true)), extension(snapshot, "plpgsql"));
    }

    @Test
    void vectorIsUnavailableWhereTheServerHasNoPgvector() {
        assumeFalse(serverOffers("vector"), "this server has pgvector; the available path is tested instead");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> db.execute("CREATE EXTENSION vector"));
        SQLException cause = assertInstanceOf(SQLException.class, refused.getCause());
        assertTrue(Set.of("0A000", "58P01").contains(cause.getSQLState()),
                "the server refuses vector for want of its control file: " + cause.getMessage());

        CatalogSnapshot snapshot = snapshot();
        assertTrue(extension(snapshot, "vector").filter(PgExtension::available).isEmpty(),
                "vector must not be reported available: " + extension(snapshot, "vector"));
        assertTrue(extension(snapshot, "pgcrypto").filter(PgExtension::available).isPresent(),
                "the snapshot lists what the server offers");
    }

    @Test
    void vectorIsAvailableAndUntrustedWhereTheServerHasPgvector() {
        assumeTrue(serverOffers("vector"), "pgvector is not installed on this server (no package for it here);"
                + " runs where it is, e.g. on the pgvector/pgvector Testcontainers image");
        PgExtension before = extension(snapshot(), "vector").orElseThrow();
        assertTrue(before.available() && !before.installed(), before.toString());
        assertTrue(before.superuserRequired() && !before.trusted(), "creating vector needs a superuser: " + before);

        db.execute("CREATE EXTENSION vector");
        PgExtension after = extension(snapshot(), "vector").orElseThrow();
        assertEquals(after.defaultVersion(), after.installedVersion());
    }

    private boolean serverOffers(String extension) {
        return "1".equals(db.single("SELECT count(*) FROM pg_available_extensions WHERE name = '" + extension + "'"));
    }

    @Test
    void sessionSettingsReflectSetTimeZoneAndSearchPath() {
        db.execute("CREATE SCHEMA app");
        String connectZone = db.single("SHOW TimeZone");
        CatalogSnapshot snapshot = new JdbcCatalogInspector(db.name,
                db.dataSource("SET TimeZone = 'Asia/Kolkata'", "SET search_path = app, public"),
                MigrationHistoryReader.none()).snapshot(List.of());

        assertEquals(new SessionSettings("Asia/Kolkata", connectZone, List.of("pg_catalog", "app", "public"),
                db.server.user(), true), snapshot.settings());
        assertFalse(connectZone.equals("Asia/Kolkata"));
    }

    /**
     * The migration verifier's inspector (one session, inspecting for the expectations, which reads the created
     * extensions with the settings): the session's default TimeZone is read once. pgjdbc sends the JVM's zone
     * when it connects, so this data source's later sessions default to another zone once the JVM's changes;
     * the inspector keeps the first reading's, a fresh one reads the new default.
     */
    @Test
    void inspectorOnOneSessionKeepsTheDefaultTimeZoneOfItsFirstReadingAndReadsTheRestEachTime() {
        db.execute("CREATE SCHEMA app");
        String connectZone = db.single("SHOW TimeZone");
        String otherZone = connectZone.equals("Pacific/Chatham") ? "America/Lima" : "Pacific/Chatham";
        DataSource dataSource = db.dataSource("SET TimeZone = 'Asia/Kolkata'", "SET search_path = app, public");
        JdbcCatalogInspector inspector = JdbcCatalogInspector.onOneSession(db.name, dataSource,
                MigrationHistoryReader.none());
        SessionSettings expected = new SessionSettings("Asia/Kolkata", connectZone, List.of("pg_catalog", "app", "public"),
                db.server.user(), true);

        assertEquals(expected, inspector.snapshot(tables()).settings(), "first reading");
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(otherZone));
            assertEquals(otherZone, new JdbcCatalogInspector(db.name, dataSource, MigrationHistoryReader.none())
                    .snapshot(tables()).settings().defaultTimeZone(), "a fresh inspector reads the new default");
            assertEquals(expected, inspector.snapshot(tables()).settings(), "from the first reading's default");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        db.execute("CREATE TABLE app.later (id bigint)");
        CatalogSnapshot later = inspector.snapshot(tables("later"));
        assertEquals(expected, later.settings());
        assertEquals(1, later.columns().size(), "everything but the default TimeZone is read each time");
    }

    /** Expectations of {@code tables} and no extension: what the verifier's inspection reads, nothing more. */
    private static Expectations tables(String... tables) {
        return new Expectations(List.of(), List.of(), List.of(), Set.of(tables));
    }

    @Test
    void nonSuperuserRoleIsReportedAsSuch() {
        String role = db.createRole();
        CatalogSnapshot snapshot = new JdbcCatalogInspector(db.name, db.dataSourceAs(role),
                MigrationHistoryReader.none()).snapshot(List.of());
        assertEquals(role, snapshot.settings().currentUser());
        assertFalse(snapshot.settings().superuser());
    }

    @Test
    void threeHundredTablesTakeThreeCatalogQueriesInOneExecution() {
        db.execute("DO $$ BEGIN FOR i IN 1..300 LOOP"
                + " EXECUTE format('CREATE TYPE kind_%s AS ENUM (''a'', ''b'')', i);"
                + " EXECUTE format('CREATE TABLE t_%s (id bigint, kind kind_%s, created_at timestamp, note text,"
                + " seen_at timestamptz)', i, i); END LOOP; END $$");
        List<String> tables = IntStream.rangeClosed(1, 300).mapToObj(i -> "t_" + i).toList();
        CountingDataSource dataSource = db.dataSource();

        InspectionResult result = new JdbcCatalogInspector(db.name, dataSource, MigrationHistoryReader.none())
                .inspect(tables);

        assertEquals(3, result.catalogQueries());
        assertEquals(1, dataSource.executions(), "the three queries go to the server as one batch");
        assertEquals(1500, result.snapshot().columns().size());
        assertEquals(300, result.snapshot().enumTypes().size());
    }

    @Test
    void rowReadsEachColumnByNameWhateverOrderTheNamesAreAskedIn() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM (VALUES ('a1', 1, true, '{x,y}'::text[]),"
                        + " ('a2', 2, false, NULL)) v(name, n, ok, labels) ORDER BY n")) {
            CatalogRow row = new JdbcCatalogInspector.ResultSetRow(rs);
            assertTrue(rs.next());
            assertEquals(List.of("x", "y"), row.texts("labels"));
            assertEquals(1, row.integer("n"));
            assertEquals("a1", row.text("name"));
            assertTrue(row.flag("ok"));
            assertTrue(rs.next());
            assertFalse(row.flag("ok"));
            assertEquals("a2", row.text(new String("name")));
            assertEquals(List.of(), row.texts("labels"));
            assertEquals(2, row.integer("n"));
            JdbcCatalogInspector.ColumnReadException unknown = assertThrows(JdbcCatalogInspector.ColumnReadException.class,
                    () -> row.text("missing"));
            assertTrue(unknown.getCause().getMessage().contains("missing"), unknown.getCause().getMessage());
        }
    }

    @Test
    void failingCatalogQueryNamesOperationAndDatabaseAndKeepsCause() {
        String role = db.createRole();
        db.execute("REVOKE SELECT ON pg_catalog.pg_enum FROM PUBLIC");

        InspectionException failure = assertThrows(InspectionException.class, () -> new JdbcCatalogInspector(db.name,
                db.dataSourceAs(role), MigrationHistoryReader.none()).snapshot(List.of()));

        assertTrue(failure.getMessage().startsWith("reading enum types, "), failure.getMessage());
        assertTrue(failure.getMessage().contains(" of database " + db.name + ": "), failure.getMessage());
        assertTrue(failure.getMessage().contains("permission denied for table pg_enum"), failure.getMessage());
        assertInstanceOf(SQLException.class, failure.getCause());
    }

    @Test
    void unreachableDatabaseNamesTheConnectionAndKeepsCause() {
        CountingDataSource missing = new CountingDataSource(db.server.jdbcUrl("mg_no_such_db"), db.server.user(),
                db.server.password(), List.of());

        InspectionException failure = assertThrows(InspectionException.class,
                () -> new JdbcCatalogInspector("mg_no_such_db", missing, MigrationHistoryReader.none()).snapshot(List.of()));

        assertTrue(failure.getMessage().startsWith("connecting to database mg_no_such_db: "), failure.getMessage());
        assertInstanceOf(SQLException.class, failure.getCause());
    }
}

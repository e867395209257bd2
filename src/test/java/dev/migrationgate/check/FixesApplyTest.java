package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.TemporalFamily;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every generated fix is valid PostgreSQL that repairs what it reports: each test breaks a real
 * database, applies the fixes in report order, and checks again, expecting only the findings that are
 * deliberately described rather than repaired.
 */
class FixesApplyTest {

    private final TestPostgres server = TestPostgres.server();
    private String database;
    private Connection connection;

    @BeforeEach
    void createDatabase() throws SQLException {
        database = server.createDatabase();
        connection = server.connect(database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        connection.close();
        server.dropDatabase(database);
    }

    @Test
    void enumFixesRenameAddConvertAndWidenUntilOnlyTheUnmappedLabelRemains() throws SQLException {
        run("""
                CREATE TYPE userrole AS ENUM ('SYSADMIN', 'ADMIN', 'USER');
                CREATE TABLE users (id int PRIMARY KEY, role userrole NOT NULL DEFAULT 'USER', nick varchar(3));
                INSERT INTO users VALUES (1, 'ADMIN', 'abc');
                CREATE TABLE invites (id int PRIMARY KEY, role text DEFAULT 'user');
                INSERT INTO invites VALUES (1, 'admin');
                CREATE TYPE auditaction AS ENUM ('read', 'DELETE');
                CREATE TABLE audit_logs (id int PRIMARY KEY, action auditaction);
                CREATE TABLE odd (id int PRIMARY KEY, kind text);
                INSERT INTO odd VALUES (1, 'it''s');
                CREATE TYPE status AS ENUM ('active', 'archived', 'gone');
                CREATE TABLE items (id int PRIMARY KEY, status status);
                """);
        Fixtures model = Fixtures.given()
                .expectNamedEnum("users", "role", "userrole", "sysadmin", "admin", "user")
                .expectNamedEnum("invites", "role", "userrole", "sysadmin", "admin", "user")
                .expectStringEnum("users", "nick", "short", "longer")
                .expectNamedEnum("audit_logs", "action", "auditaction", "create", "read", "update", "delete", "login")
                .expectNamedEnum("odd", "kind", "we\"ird", "it's", "ok")
                .expectNamedEnum("items", "status", "status", "active", "archived");

        List<Finding> applied = repair(model, new EnumsCheck());
        assertEquals(List.of(FindingCode.ENUM_TYPE_MISSING, FindingCode.ENUM_CASE_MISMATCH,
                FindingCode.ENUM_CASE_MISMATCH, FindingCode.ENUM_LABEL_MISSING, FindingCode.ENUM_COLUMN_TYPE_MISMATCH,
                FindingCode.ENUM_COLUMN_TYPE_MISMATCH, FindingCode.ENUM_COLUMN_TYPE_MISMATCH),
                applied.stream().map(Finding::code).toList());

        List<Finding> remaining = recheck(model, new EnumsCheck());
        assertEquals(List.of(FindingCode.ENUM_LABEL_UNMAPPED), remaining.stream().map(Finding::code).toList());
        assertEquals("status", remaining.get(0).object());
        assertEquals("admin", single("SELECT role::text FROM users WHERE id = 1"));
        assertEquals("admin", single("SELECT role::text FROM invites WHERE id = 1"));
        assertEquals("it's", single("SELECT kind::text FROM odd WHERE id = 1"));
        assertEquals("{create,read,update,delete,login}", single("SELECT enum_range(NULL::auditaction)::text"));
        run("INSERT INTO invites (id) VALUES (2); INSERT INTO users (id) VALUES (2)");
        assertEquals("user", single("SELECT role::text FROM invites WHERE id = 2"), "the default survived");
        assertEquals("user", single("SELECT role::text FROM users WHERE id = 2"), "the renamed default follows");
    }

    @Test
    void timestampFixesConvertEveryInstantAsUtcWhateverTheSessionTimeZone() throws SQLException {
        run("""
                SET TimeZone = 'Europe/Berlin';
                CREATE TABLE events (
                    id int PRIMARY KEY,
                    naive_instant timestamp(3) without time zone,
                    zoned_local timestamp with time zone DEFAULT now(),
                    day date,
                    wall time(2) without time zone,
                    wall_tz time with time zone,
                    lossy timestamp without time zone);
                INSERT INTO events VALUES (1, '2024-01-01 12:00:00.123', '2024-06-01 12:00:00+00', '2024-02-02',
                    '10:00:00.5', '10:00:00+02', '2024-01-01 12:00:00');
                """);
        Fixtures model = Fixtures.given()
                .expectTemporal("events", "naive_instant", TemporalFamily.TIMESTAMPTZ)
                .expectTemporal("events", "zoned_local", TemporalFamily.TIMESTAMP)
                .expectTemporal("events", "day", TemporalFamily.TIMESTAMPTZ)
                .expectTemporal("events", "wall", TemporalFamily.TIMETZ)
                .expectTemporal("events", "wall_tz", TemporalFamily.TIME)
                .expectTemporal("events", "lossy", TemporalFamily.DATE);
        Check columnsOnly = (expectations, snapshot) -> new TimestampsCheck().check(expectations, snapshot).stream()
                .filter(f -> f.code() == FindingCode.TIMESTAMP_TZ_MISMATCH).toList();

        assertEquals(5, repair(model, columnsOnly).size());

        List<Finding> remaining = recheck(model, columnsOnly);
        assertEquals(List.of("events.lossy"), remaining.stream().map(Finding::object).toList());
        run("SET TimeZone = 'America/New_York'");
        assertEquals("t", single("SELECT naive_instant = '2024-01-01 12:00:00.123+00' FROM events"));
        assertEquals("timestamp(3) with time zone", single("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'events'::regclass AND attname = 'naive_instant'"));
        assertEquals("t", single("SELECT zoned_local = '2024-06-01 12:00:00'::timestamp FROM events"));
        assertEquals("t", single("SELECT day = '2024-02-02 00:00:00+00' FROM events"));
        assertEquals("t", single("SELECT wall = '10:00:00.5+00'::timetz FROM events"));
        assertEquals("t", single("SELECT wall_tz = '08:00:00'::time FROM events"));
        run("INSERT INTO events (id) VALUES (2)");
        assertEquals("t", single("SELECT zoned_local IS NOT NULL FROM events WHERE id = 2"), "now() default kept");
    }

    @Test
    void timeZoneFixSetsTheDatabaseDefaultToUtc() throws SQLException {
        run("ALTER DATABASE " + Sql.identifier(database) + " SET timezone TO 'Europe/Berlin'");
        Fixtures model = Fixtures.given().expectTemporal("events", "at", TemporalFamily.TIMESTAMP)
                .column("events", "at", "timestamp without time zone", "timestamp")
                .settings(new SessionSettings("UTC", databaseTimeZone(), List.of("pg_catalog", "public"), "postgres",
                        true));
        Finding finding = Fixtures.only(model.run(new TimestampsCheck()), FindingCode.TIMESTAMP_SESSION_TZ);
        run(finding.fix());
        assertEquals("UTC", databaseTimeZone());
    }

    @Test
    void extensionFixesCreateUpdateAndMoveUntilOnlyTheUnavailableOneRemains() throws SQLException {
        run("""
                CREATE EXTENSION citext VERSION '1.4';
                CREATE EXTENSION hstore VERSION '1.7';
                CREATE SCHEMA ext;
                CREATE EXTENSION pg_trgm SCHEMA ext;
                """);
        Fixtures model = Fixtures.given().require("uuid-ossp").require("pgcrypto>=1.3").require("citext>=1.5")
                .require("hstore").require("pg_trgm").optional("vector");

        List<FindingCode> applied = repair(model, new ExtensionsCheck()).stream().map(Finding::code).toList();
        assertTrue(applied.containsAll(List.of(FindingCode.EXTENSION_MISSING, FindingCode.EXTENSION_VERSION_TOO_OLD,
                FindingCode.EXTENSION_UPDATE_AVAILABLE, FindingCode.EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH)), applied.toString());

        List<Finding> remaining = recheck(model, new ExtensionsCheck());
        assertTrue(remaining.stream().allMatch(f -> f.code() == FindingCode.EXTENSION_UNAVAILABLE
                && f.object().equals("vector")), "only pgvector, absent from this server, may remain: " + remaining);
        assertEquals("1.6", single("SELECT extversion FROM pg_extension WHERE extname = 'citext'"));
        assertEquals("public", single("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"));
    }

    /** Applies every fix of the report, in report order, and returns the findings that had one. */
    private List<Finding> repair(Fixtures model, Check check) throws SQLException {
        GateReport report = new SchemaChecks(List.of(check), BlockingPolicy.standard(), Clock.systemUTC())
                .evaluate(model.expectations(), snapshot(model), Stage.POST_MIGRATION);
        List<Finding> applied = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.fix() != null) {
                try {
                    run(finding.fix());
                } catch (SQLException e) {
                    throw new AssertionError("Fix of " + finding.code() + " " + finding.object() + " failed: "
                            + e.getMessage() + "\n" + finding.fix(), e);
                }
                applied.add(finding);
            }
        }
        return applied;
    }

    private List<Finding> recheck(Fixtures model, Check check) throws SQLException {
        return check.check(model.expectations(), snapshot(model));
    }

    private CatalogSnapshot snapshot(Fixtures model) throws SQLException {
        CatalogSnapshot catalog = TestCatalog.read(connection);
        CatalogSnapshot modelled = model.snapshot();
        return new CatalogSnapshot(catalog.enumTypes(), catalog.columns(), catalog.extensions(), catalog.settings(),
                modelled.migrations());
    }

    private String databaseTimeZone() throws SQLException {
        return single("SELECT coalesce((SELECT substring(c FROM 10) FROM pg_db_role_setting s, unnest(s.setconfig) c"
                + " WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND s.setrole = 0 AND lower(c) LIKE 'timezone=%'), 'unset')");
    }

    private void run(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

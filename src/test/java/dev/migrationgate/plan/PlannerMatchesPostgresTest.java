package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.testdb.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the planner's type normalisation against a real PostgreSQL: scripts are applied to a scratch
 * database and the catalog ({@code format_type}, {@code typname}, {@code pg_enum}) must equal the plan.
 */
class PlannerMatchesPostgresTest {

    private static final String BASE = """
            CREATE SCHEMA other;
            CREATE TYPE userrole AS ENUM ('sysadmin', 'admin', 'user');
            CREATE TYPE "UserRole" AS ENUM ('A', 'B');
            CREATE TYPE "user" AS ENUM ('x');
            CREATE TYPE other.kind AS ENUM ('k1', 'k2');
            CREATE TABLE users (
                id            uuid PRIMARY KEY,
                email         varchar(320) NOT NULL,
                role          userrole NOT NULL DEFAULT 'user',
                created_at    timestamp without time zone NOT NULL,
                updated_at    timestamp NOT NULL,
                CONSTRAINT users_email_key UNIQUE (email)
            );
            """;

    private static final String ALL_TYPES = """
            CREATE TABLE IF NOT EXISTS public."Every_Type" (
                a int, b int4, c integer, d smallint, e bigint, f serial, g bigserial, h real, i float, j float(10),
                k float(30), l double precision, m numeric, n numeric(10), o numeric(10, 2), p decimal(5,1),
                q boolean, r varchar, s varchar(10), t char, u char(3), v character varying(5), w text, x bytea,
                y timestamp, z timestamp(3), aa timestamptz, ab timestamptz(2), ac timestamp(0) with time zone,
                ad time, ae timetz, af time(3) with time zone, ag interval, ah interval year to month,
                ai interval second(3), aj interval(2), ak date, al uuid, am json, an jsonb, ao bit, ap bit(3),
                aq bit varying(4), ar varbit, "As" int[], at timestamptz[][], au int array, av int array[3],
                aw "user", ax "UserRole", ay other.kind, az "char", ba bpchar, bb "timestamp", bc pg_catalog.int4,
                bd inet, be money, bf xml, bg "user"[], bh other.kind[], bi smallserial, bj oid, bk character,
                bl national character(2), bm nchar varying(3), bn tsvector, bo "varchar"(3), bp int8, bq float8,
                br bool, bs decimal, bt interval day to second(2), bu timestamp without time zone,
                bv time(2) without time zone, bw timestamp(9), bx public.userrole, "By" "UserRole"[],
                "timestamp" timestamp with time zone DEFAULT now() CHECK ("timestamp" > '2000-01-01'),
                CONSTRAINT every_type_pk PRIMARY KEY (a),
                UNIQUE (b)
            );
            """;

    private static final String CHANGES = """
            -- enum labels and names
            ALTER TYPE userrole ADD VALUE 'guest';
            ALTER TYPE userrole ADD VALUE IF NOT EXISTS 'owner' BEFORE 'sysadmin';
            ALTER TYPE userrole ADD VALUE IF NOT EXISTS 'admin';
            ALTER TYPE "UserRole" ADD VALUE 'A2' AFTER 'A';
            ALTER TYPE "UserRole" RENAME VALUE 'B' TO 'b';
            ALTER TYPE other.kind RENAME TO "Kind";
            CREATE TYPE status AS ENUM ();
            ALTER TYPE status ADD VALUE 'new';
            /* columns */
            ALTER TABLE users
                ADD COLUMN last_login_at timestamptz,
                ADD COLUMN IF NOT EXISTS email text,
                ALTER COLUMN created_at TYPE timestamp with time zone USING created_at AT TIME ZONE 'UTC',
                ALTER updated_at SET DATA TYPE timestamp(3),
                ALTER COLUMN email DROP NOT NULL,
                ADD status status,
                ADD CONSTRAINT users_created_check CHECK (created_at > '2000-01-01');
            ALTER TABLE users RENAME COLUMN updated_at TO "Updated_At";
            ALTER TABLE users RENAME TO accounts;
            ALTER TABLE public."Every_Type" DROP COLUMN IF EXISTS a CASCADE, DROP b, DROP COLUMN IF EXISTS nope;
            CREATE TABLE kinds (kind other."Kind", kinds other."Kind"[], role public.userrole);
            DROP TYPE "user" CASCADE;
            CREATE TABLE "user" ("user" text, "order" int);
            DROP TABLE IF EXISTS "user", missing;
            SET search_path TO other, public;
            CREATE TYPE level AS ENUM ('low', 'high');
            CREATE TABLE levels (level level, at timestamptz, "Kind" "Kind");
            """;

    private static final TestPostgres SERVER = TestPostgres.server();
    private String database;

    @BeforeEach
    void createDatabase() {
        database = SERVER.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        SERVER.dropDatabase(database);
    }

    @Test
    void planOfScriptsOnAnEmptyDatabaseEqualsTheCatalogPostgresBuilds() throws SQLException {
        CatalogSnapshot empty = snapshot();

        PlannedSchema plan = SchemaPlanner.plan(empty, List.of(new PendingScript("V1__base.sql", BASE),
                new PendingScript("V2__all_types.sql", ALL_TYPES), new PendingScript("V3__changes.sql", CHANGES)));
        execute(BASE, ALL_TYPES, CHANGES);

        assertEquals(List.of(), plan.notAnalysed());
        assertSameCatalog(snapshot(), plan.planned());
    }

    @Test
    void planOnTopOfALiveCatalogEqualsTheCatalogAfterMigrating() throws SQLException {
        execute(BASE, ALL_TYPES);
        CatalogSnapshot live = snapshot();

        PlannedSchema plan = SchemaPlanner.plan(live, List.of(new PendingScript("V3__changes.sql", CHANGES)));
        execute(CHANGES);

        assertEquals(List.of(), plan.notAnalysed());
        assertSameCatalog(snapshot(), plan.planned());
    }

    @Test
    void planOfTheProjectsOwnMigrationEqualsTheCatalogItBuilds() throws SQLException, IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V1__iam_schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");

        PlannedSchema plan = SchemaPlanner.plan(snapshot(), List.of(new PendingScript("V1__iam_schema.sql", script)));
        execute(script);

        assertEquals(List.of(), plan.notAnalysed());
        assertEquals(Optional.of(new ScriptLocation("V1__iam_schema.sql", 5)), plan.origin("userrole"));
        assertSameCatalog(snapshot(), plan.planned());
    }

    private static void assertSameCatalog(CatalogSnapshot actual, CatalogSnapshot planned) {
        Comparator<PgEnumType> byType = Comparator.comparing(PgEnumType::schema).thenComparing(PgEnumType::name);
        assertEquals(actual.enumTypes(), planned.enumTypes().stream().sorted(byType).toList());
        Comparator<PgColumn> byTable = Comparator.comparing(PgColumn::schema).thenComparing(PgColumn::table);
        List<PgColumn> plannedColumns = planned.columns().stream().sorted(byTable).toList();
        for (int i = 0; i < Math.max(actual.columns().size(), plannedColumns.size()); i++) {
            assertEquals(i < actual.columns().size() ? actual.columns().get(i) : null,
                    i < plannedColumns.size() ? plannedColumns.get(i) : null, "column #" + i);
        }
    }

    /** Runs each script on its own connection, as Flyway restores the session after every migration. */
    private void execute(String... scripts) throws SQLException {
        for (String script : scripts) {
            try (Connection connection = SERVER.connect(database); Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
        }
    }

    /** Enum types and table columns as {@code format_type}, {@code pg_type} and {@code pg_enum} describe them. */
    private CatalogSnapshot snapshot() throws SQLException {
        List<PgEnumType> enums = new ArrayList<>();
        List<PgColumn> columns = new ArrayList<>();
        List<String> searchPath;
        try (Connection connection = SERVER.connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("""
                    SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
                    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                    GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname""")) {
                while (rs.next()) {
                    enums.add(new PgEnumType(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), tn.nspname,
                           t.typname, t.typtype = 'e'
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
                    JOIN pg_namespace tn ON tn.oid = t.typnamespace
                    WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                    ORDER BY n.nspname, c.relname, a.attnum""")) {
                while (rs.next()) {
                    columns.add(new PgColumn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT current_schemas(true)")) {
                rs.next();
                searchPath = strings(rs.getArray(1));
            }
        }
        return new CatalogSnapshot(enums, columns, List.of(),
                new SessionSettings("UTC", "UTC", searchPath, "postgres", true), MigrationHistory.empty());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}

package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.SessionSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaPlannerTest {

    private static final SessionSettings SETTINGS =
            new SessionSettings("UTC", "UTC", List.of("pg_catalog", "public"), "app", false);

    /** The seed's users table after V1, with the value-persisted role type. */
    private static final CatalogSnapshot LIVE = new CatalogSnapshot(
            List.of(new PgEnumType("public", "userrole", List.of("sysadmin", "admin", "user"))),
            List.of(column("users", "id", "uuid", "uuid", false),
                    column("users", "email", "character varying(320)", "varchar", false),
                    column("users", "role", "userrole", "userrole", true),
                    column("users", "created_at", "timestamp without time zone", "timestamp", false)),
            List.of(), SETTINGS, MigrationHistory.empty());

    private static final CatalogSnapshot EMPTY =
            new CatalogSnapshot(List.of(), List.of(), List.of(), SETTINGS, MigrationHistory.empty());

    private static PgColumn column(String table, String column, String formatType, String typeName, boolean enumType) {
        String typeSchema = enumType ? "public" : "pg_catalog";
        return new PgColumn("public", table, column, formatType, typeSchema, typeName, enumType);
    }

    private static PlannedSchema plan(CatalogSnapshot live, String... namesAndScripts) {
        List<PendingScript> scripts = new ArrayList<>();
        for (int i = 0; i < namesAndScripts.length; i += 2) {
            scripts.add(new PendingScript(namesAndScripts[i], namesAndScripts[i + 1]));
        }
        return SchemaPlanner.plan(live, scripts);
    }

    private static Optional<PgEnumType> enumType(PlannedSchema plan, String name) {
        return plan.planned().enumTypes().stream().filter(type -> type.name().equals(name)).findFirst();
    }

    private static Optional<PgColumn> column(PlannedSchema plan, String qualifiedName) {
        return plan.planned().columns().stream().filter(c -> c.qualifiedName().equals(qualifiedName)).findFirst();
    }

    private static ScriptLocation at(String script, int line) {
        return new ScriptLocation(script, line);
    }

    @Test
    void plansTheSeedsUpperCaseEnumWithTheScriptAndLineThatCreatesIt() {
        PlannedSchema plan = plan(EMPTY, "V2__iam_roles.sql", """
                -- Roles, written from the Java constant names
                /* the seed's bug */
                CREATE TYPE userrole AS ENUM ('SYSADMIN','ADMIN','USER');

                CREATE TABLE users (
                    id   uuid PRIMARY KEY,
                    role userrole NOT NULL DEFAULT 'USER'
                );
                """);

        assertEquals(Optional.of(new PgEnumType("public", "userrole", List.of("SYSADMIN", "ADMIN", "USER"))),
                enumType(plan, "userrole"));
        assertEquals(Optional.of(at("V2__iam_roles.sql", 3)), plan.origin("userrole"));
        assertEquals(Optional.of(new PgColumn("public", "users", "role", "userrole", "public", "userrole", true)),
                column(plan, "users.role"));
        assertEquals(Optional.of(at("V2__iam_roles.sql", 5)), plan.origin("users.role"));
        assertTrue(plan.complete(), plan.notAnalysed()::toString);
    }

    @Test
    void plansAColumnRetypedToTimestampWithTimeZoneWithItsOrigin() {
        PlannedSchema plan = plan(LIVE, "V3__aware_created_at.sql", """
                SELECT 1;
                ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
                """);

        assertEquals(Optional.of(new PgColumn("public", "users", "created_at", "timestamp with time zone", "pg_catalog",
                "timestamptz", false)), column(plan, "users.created_at"));
        assertEquals(Optional.of(at("V3__aware_created_at.sql", 2)), plan.origin("users.created_at"));
        assertEquals(Optional.empty(), plan.origin("users.email"));
    }

    @Test
    void leavesTheLiveSnapshotUntouchedAndKeepsWhatTheScriptsDoNotChange() {
        plan(LIVE, "V2__x.sql", "DROP TABLE users; DROP TYPE userrole;");
        PlannedSchema untouched = plan(LIVE, "V2__noop.sql", "INSERT INTO users (id) VALUES (gen_random_uuid());");

        assertEquals(4, LIVE.columns().size());
        assertEquals(1, LIVE.enumTypes().size());
        assertEquals(LIVE, untouched.planned());
        assertTrue(untouched.changesByObject().isEmpty());
    }

    @Test
    void addsEnumLabelsAtTheEndBeforeOrAfterALabelAndIgnoresAnExistingOneIfNotExists() {
        PlannedSchema plan = plan(LIVE, "V2__labels.sql", """
                ALTER TYPE userrole ADD VALUE 'guest';
                ALTER TYPE public.userrole ADD VALUE IF NOT EXISTS 'owner' BEFORE 'sysadmin';
                ALTER TYPE userrole ADD VALUE 'auditor' AFTER 'admin';
                ALTER TYPE userrole ADD VALUE IF NOT EXISTS 'user';
                """);

        assertEquals(List.of("owner", "sysadmin", "admin", "auditor", "user", "guest"),
                enumType(plan, "userrole").orElseThrow().labels());
        assertEquals(List.of(at("V2__labels.sql", 1), at("V2__labels.sql", 2), at("V2__labels.sql", 3)),
                plan.changesByObject().get("userrole"));
    }

    @Test
    void renamesEnumLabels() {
        PlannedSchema plan = plan(LIVE, "V2__rename.sql", "ALTER TYPE userrole RENAME VALUE 'sysadmin' TO 'root';");

        assertEquals(List.of("root", "admin", "user"), enumType(plan, "userrole").orElseThrow().labels());
        assertEquals(Optional.of(at("V2__rename.sql", 1)), plan.origin("userrole"));
    }

    @Test
    void renamesAnEnumTypeAndTheColumnsThatUseIt() {
        PlannedSchema plan = plan(LIVE, "V2__rename_type.sql", "ALTER TYPE userrole RENAME TO \"Role\";");

        assertEquals(Optional.empty(), enumType(plan, "userrole"));
        assertEquals(List.of("sysadmin", "admin", "user"), enumType(plan, "Role").orElseThrow().labels());
        assertEquals(Optional.of(new PgColumn("public", "users", "role", "\"Role\"", "public", "Role", true)),
                column(plan, "users.role"));
        assertEquals(Optional.of(at("V2__rename_type.sql", 1)), plan.origin("userrole"));
        assertEquals(Optional.of(at("V2__rename_type.sql", 1)), plan.origin("Role"));
        assertEquals(Optional.of(at("V2__rename_type.sql", 1)), plan.origin("users.role"));
    }

    @Test
    void dropsEnumTypesWithTheirColumnsOnlyWithCascade() {
        PlannedSchema refused = plan(LIVE, "V2__drop.sql", "DROP TYPE userrole;");
        PlannedSchema cascaded = plan(LIVE, "V2__drop.sql", "DROP TYPE IF EXISTS nothing, userrole CASCADE;");

        assertTrue(enumType(refused, "userrole").isPresent());
        assertEquals(List.of(new SkippedStatement("V2__drop.sql", 1, "type userrole is still used by users.role;"
                + " without CASCADE PostgreSQL would refuse the drop")), refused.notAnalysed());
        assertEquals(Optional.empty(), enumType(cascaded, "userrole"));
        assertEquals(Optional.empty(), column(cascaded, "users.role"));
        assertEquals(Optional.of(at("V2__drop.sql", 1)), cascaded.origin("users.role"));
        assertEquals(Optional.of(at("V2__drop.sql", 1)), cascaded.origin("userrole"));
    }

    @Test
    void createsTablesWithQuotedQualifiedAndKeywordNamedColumnsSkippingTableConstraints() {
        PlannedSchema plan = plan(LIVE, "V2__audit.sql", """
                CREATE TYPE "AuditAction" AS ENUM ('create', 'read');
                CREATE TABLE IF NOT EXISTS public."Audit_Logs" (
                    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    "Action"    public."AuditAction" NOT NULL,
                    roles       userrole[],
                    "timestamp" timestamp(3) with time zone NOT NULL DEFAULT now(),
                    amount      numeric(10, 2) CHECK (amount > 0),
                    CONSTRAINT audit_pk UNIQUE (id, "timestamp"),
                    CHECK (amount < 100),
                    FOREIGN KEY (id) REFERENCES other (id)
                );
                CREATE TABLE IF NOT EXISTS users (ignored text);
                """);

        assertEquals(List.of(
                new PgColumn("public", "Audit_Logs", "id", "bigint", "pg_catalog", "int8", false),
                new PgColumn("public", "Audit_Logs", "Action", "\"AuditAction\"", "public", "AuditAction", true),
                new PgColumn("public", "Audit_Logs", "roles", "userrole[]", "public", "_userrole", false),
                new PgColumn("public", "Audit_Logs", "timestamp", "timestamp(3) with time zone", "pg_catalog",
                        "timestamptz", false),
                new PgColumn("public", "Audit_Logs", "amount", "numeric(10,2)", "pg_catalog", "numeric", false)),
                plan.planned().columns().stream().filter(c -> c.table().equals("Audit_Logs")).toList());
        assertEquals(Optional.of(at("V2__audit.sql", 2)), plan.origin("Audit_Logs.timestamp"));
        assertEquals(Optional.empty(), column(plan, "users.ignored"));
        assertTrue(plan.complete(), plan.notAnalysed()::toString);
    }

    @Test
    void appliesEveryColumnActionOfOneAlterTableInOrder() {
        PlannedSchema plan = plan(LIVE, "V2__users.sql", """
                ALTER TABLE IF EXISTS ONLY users
                    ADD COLUMN IF NOT EXISTS last_seen timestamptz,
                    ADD locked boolean DEFAULT false,
                    ADD CONSTRAINT users_email_key UNIQUE (email),
                    ALTER COLUMN email SET DATA TYPE text COLLATE "C",
                    ALTER email SET NOT NULL,
                    ALTER role TYPE varchar(20) USING role::text,
                    DROP COLUMN IF EXISTS id CASCADE;
                ALTER TABLE users RENAME COLUMN created_at TO created;
                ALTER TABLE users RENAME TO accounts;
                """);

        assertEquals(List.of(
                new PgColumn("public", "accounts", "email", "text", "pg_catalog", "text", false),
                new PgColumn("public", "accounts", "role", "character varying(20)", "pg_catalog", "varchar", false),
                new PgColumn("public", "accounts", "created", "timestamp without time zone", "pg_catalog", "timestamp",
                        false),
                new PgColumn("public", "accounts", "last_seen", "timestamp with time zone", "pg_catalog", "timestamptz",
                        false),
                new PgColumn("public", "accounts", "locked", "boolean", "pg_catalog", "bool", false)),
                plan.planned().columns());
        assertEquals(List.of(at("V2__users.sql", 1), at("V2__users.sql", 10)), plan.changesByObject().get("users.email"));
        assertEquals(Optional.of(at("V2__users.sql", 10)), plan.origin("users.created"));
        assertEquals(List.of(at("V2__users.sql", 9), at("V2__users.sql", 10)), plan.changesByObject().get("users.created"));
        assertEquals(Optional.of(at("V2__users.sql", 10)), plan.origin("accounts.created"));
        assertEquals(Optional.of(at("V2__users.sql", 1)), plan.origin("users.id"));
    }

    @Test
    void dropsTables() {
        PlannedSchema plan = plan(LIVE, "V2__drop.sql", "DROP TABLE IF EXISTS missing, public.users CASCADE;");

        assertTrue(plan.planned().columns().isEmpty());
        assertEquals(Optional.of(at("V2__drop.sql", 1)), plan.origin("users.created_at"));
    }

    @Test
    void appliesAStatementAllOrNothing() {
        PlannedSchema plan = plan(LIVE, "V2__half.sql", "ALTER TABLE users ADD COLUMN nickname text, ADD COLUMN email text;");

        assertEquals(Optional.empty(), column(plan, "users.nickname"));
        assertEquals(Optional.empty(), plan.origin("users.nickname"));
        assertEquals(List.of(new SkippedStatement("V2__half.sql", 1,
                "column users.email already exists; PostgreSQL would refuse it")), plan.notAnalysed());
    }

    @Test
    void aFailedStatementLeavesTablesAnEarlierPendingStatementCreatedAsTheyWere() {
        PlannedSchema plan = plan(LIVE, "V2__gadgets.sql", "CREATE TABLE gadgets (id integer);\n"
                + "ALTER TABLE gadgets ADD COLUMN nickname text, ADD COLUMN id text;\n"
                + "ALTER TABLE gadgets ADD COLUMN label text;");

        assertEquals(Optional.empty(), column(plan, "gadgets.nickname"));
        assertEquals(Optional.empty(), plan.origin("gadgets.nickname"));
        assertTrue(column(plan, "gadgets.id").isPresent());
        assertTrue(column(plan, "gadgets.label").isPresent());
        assertEquals(List.of(new ScriptLocation("V2__gadgets.sql", 1)), plan.changesByObject().get("gadgets.id"));
        assertEquals(List.of(new SkippedStatement("V2__gadgets.sql", 2,
                "column gadgets.id already exists; PostgreSQL would refuse it")), plan.notAnalysed());
    }

    @Test
    void listsStatementsThatMightChangeTypesButAreNotAnalysedAndIgnoresInertOnes() {
        PlannedSchema plan = plan(LIVE, "V2__mixed.sql", """
                CREATE INDEX users_role_idx ON users (role);
                INSERT INTO users (id, role) VALUES (gen_random_uuid(), 'admin');
                COMMENT ON COLUMN users.role IS 'the role; lower case';
                GRANT SELECT ON users TO app;
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TEMP TABLE scratch (at timestamptz);
                DO $$ BEGIN CREATE TYPE hidden AS ENUM ('A'); END $$;
                CREATE TABLE copy AS SELECT * FROM users;
                CREATE TABLE clone (LIKE users INCLUDING ALL);
                CREATE TABLE child (extra int) INHERITS (users);
                CREATE TABLE users_2024 PARTITION OF users FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                EXECUTE make_types;
                ALTER TYPE userrole SET SCHEMA other;
                ALTER TYPE missing ADD VALUE 'x';
                ALTER TABLE unknown RENAME COLUMN a TO b;
                SELECT * INTO snapshot FROM users;
                DROP SCHEMA legacy CASCADE;
                VACUUM FULL users;
                CREATE SCHEMA reports CREATE TABLE daily (day date);
                CREATE SCHEMA IF NOT EXISTS empty
                """, "V3__broken.sql", "CREATE TYPE ok AS ENUM ('a');\nCREATE TYPE bad AS ENUM ('a);\n");

        assertEquals(List.of(
                new SkippedStatement("V2__mixed.sql", 8, "DO block: procedural code is not analysed"),
                new SkippedStatement("V2__mixed.sql", 9, "CREATE TABLE … AS (a table from a query) is not analysed"),
                new SkippedStatement("V2__mixed.sql", 10, "CREATE TABLE … (LIKE …) copies columns and is not analysed"),
                new SkippedStatement("V2__mixed.sql", 11,
                        "CREATE TABLE … INHERITS takes columns from its parents and is not analysed"),
                new SkippedStatement("V2__mixed.sql", 12,
                        "CREATE TABLE … PARTITION OF takes its columns from the parent and is not analysed"),
                new SkippedStatement("V2__mixed.sql", 13, "EXECUTE: prepared statements are not analysed"),
                new SkippedStatement("V2__mixed.sql", 14, "this ALTER TYPE form is not analysed"),
                new SkippedStatement("V2__mixed.sql", 15, "type missing is not an enum type of the planned catalog"),
                new SkippedStatement("V2__mixed.sql", 16, "column unknown.a is not in the catalog snapshot, so its type"
                        + " after the rename is unknown"),
                new SkippedStatement("V2__mixed.sql", 17, "SELECT … INTO creates a table from a query and is not analysed"),
                new SkippedStatement("V2__mixed.sql", 18,
                        "DROP SCHEMA … CASCADE may drop enum types or columns and is not analysed"),
                new SkippedStatement("V2__mixed.sql", 20, "CREATE SCHEMA with schema elements is not analysed"),
                new SkippedStatement("V3__broken.sql", 2, "the script cannot be read to its end (unterminated string"
                        + " literal); none of it is analysed")),
                plan.notAnalysed());
        assertEquals(LIVE, plan.planned());
        assertFalse(plan.complete());
    }

    @Test
    void resolvesUnqualifiedNamesThroughSearchPathSetInTheSameScriptOnly() {
        PlannedSchema plan = plan(EMPTY, "V2__app.sql", """
                SET search_path TO app, public;
                CREATE TYPE kind AS ENUM ('a');
                CREATE TABLE things (k kind);
                """, "V3__public.sql", "CREATE TABLE others (k app.kind, l kind);");

        assertEquals(List.of(new PgEnumType("app", "kind", List.of("a"))), plan.planned().enumTypes());
        assertEquals(List.of(
                new PgColumn("app", "things", "k", "app.kind", "app", "kind", true),
                new PgColumn("public", "others", "k", "app.kind", "app", "kind", true),
                new PgColumn("public", "others", "l", "kind", "public", "kind", false)),
                plan.planned().columns());
    }

    @Test
    void reportsTheLastChangeAsOriginAndEveryChangeInOrder() {
        PlannedSchema plan = plan(EMPTY,
                "V2__roles.sql", "CREATE TYPE userrole AS ENUM ('ADMIN');",
                "V3__more.sql", "\n\nALTER TYPE userrole ADD VALUE 'USER';");

        assertEquals(Optional.of(at("V3__more.sql", 3)), plan.origin("userrole"));
        assertEquals(List.of(at("V2__roles.sql", 1), at("V3__more.sql", 3)), plan.changesByObject().get("userrole"));
        assertEquals(Map.of("userrole", at("V3__more.sql", 3)), plan.originByObject());
    }

    @Test
    void listsFlywayLevelEntriesFirst() {
        SkippedStatement java = new SkippedStatement("V4__Java", SkippedStatement.WHOLE_SCRIPT, "a JDBC migration");
        PlannedSchema plan = SchemaPlanner.plan(LIVE, new PendingScripts(
                List.of(new PendingScript("V3__do.sql", "DO $$ BEGIN END $$")), List.of(java)));

        assertEquals(Arrays.asList(java, new SkippedStatement("V3__do.sql", 1, "DO block: procedural code is not analysed")),
                plan.notAnalysed());
        assertTrue(plan.notAnalysed().get(0).wholeScript());
    }

    @Test
    void startsFromFlywaysDefaultSchemaAndFollowsSetSchema() {
        PlannedSchema plan = SchemaPlanner.plan(EMPTY, new PendingScripts(List.of(
                new PendingScript("V1__org.sql", "CREATE TYPE teamkind AS ENUM ('core', 'guest');\n"
                        + "CREATE TABLE teams (id bigint, kind teamkind);"),
                new PendingScript("V2__billing.sql", "SET SCHEMA 'billing';\n"
                        + "CREATE TYPE invoicestatus AS ENUM ('draft', 'paid');\n"
                        + "RESET search_path;\n"
                        + "CREATE TABLE members (id bigint, kind teamkind);")), List.of(), "org"));

        assertEquals(List.of(), plan.notAnalysed());
        assertEquals(List.of("org.teamkind", "billing.invoicestatus"), plan.planned().enumTypes().stream()
                .map(t -> t.schema() + "." + t.name()).toList());
        PgColumn teams = plan.planned().columns().stream().filter(c -> c.table().equals("teams")
                && c.column().equals("kind")).findFirst().orElseThrow();
        assertEquals("org", teams.schema());
        assertEquals("org", teams.typeSchema());
        PgColumn members = plan.planned().columns().stream().filter(c -> c.table().equals("members")
                && c.column().equals("kind")).findFirst().orElseThrow();
        assertEquals("org", members.schema(), "each script starts again from Flyway's search path");
        assertEquals(Optional.of(at("V1__org.sql", 1)), plan.origin("org.teamkind"),
                "objects outside the session's default schema are keyed schema-qualified, as findings name them");
        assertEquals(Optional.of(at("V2__billing.sql", 2)), plan.origin("billing.invoicestatus"));
        assertEquals(Optional.of(at("V1__org.sql", 2)), plan.origin("org.teams.kind"));
    }

    @Test
    void withoutAFlywaySchemaTheSessionSearchPathDecidesAndPublicObjectsStayUnqualified() {
        PlannedSchema plan = plan(LIVE, "V2__roles.sql", "ALTER TYPE userrole ADD VALUE 'auditor';");
        assertEquals(Optional.of(at("V2__roles.sql", 1)), plan.origin("userrole"));
        assertEquals(List.of("sysadmin", "admin", "user", "auditor"), enumType(plan, "userrole").orElseThrow().labels());
    }
}

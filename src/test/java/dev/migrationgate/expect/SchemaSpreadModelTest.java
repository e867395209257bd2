package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.model.schemas.Invoice;
import dev.migrationgate.expect.model.schemas.Member;
import dev.migrationgate.expect.model.schemas.Team;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.MigrationHistoryReader;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An entity set spread over {@code public} and two other schemas ({@code org}, {@code billing}, neither on
 * the application's search path), with an enum type in another schema than a table that uses it
 * ({@code org.teamkind} used by {@code public.members}): expectations keyed by schema and name, the
 * catalog read for schema-qualified names, and every drift found in its schema and named qualified.
 */
class SchemaSpreadModelTest {

    private static final List<Class<?>> ENTITIES = List.of(Invoice.class, Member.class, Team.class);
    private static final String SCHEMA = """
            CREATE SCHEMA org;
            CREATE SCHEMA billing;
            CREATE TYPE org.teamkind AS ENUM ('core', 'guest');
            CREATE TYPE billing.invoicestatus AS ENUM ('draft', 'paid');
            CREATE TABLE members (id bigint PRIMARY KEY, kind org.teamkind NOT NULL, joined_at timestamp);
            CREATE TABLE org.teams (id bigint PRIMARY KEY, kind org.teamkind NOT NULL, created_at timestamp NOT NULL);
            CREATE TABLE billing.invoices (id bigint PRIMARY KEY, status billing.invoicestatus NOT NULL,
                                           issued_at timestamptz NOT NULL);
            -- A decoy with the same name on the search path and every type wrong: org.teams must not resolve to it.
            CREATE TABLE teams (id text, kind text, created_at timestamptz);
            """;

    private static String bootDatabase;
    private static SessionFactory sessionFactory;
    private static Expectations expectations;
    private final TestPostgres server = TestPostgres.server();
    private String database;

    @BeforeAll
    static void bootTheModel() {
        bootDatabase = TestPostgres.server().createDatabase();
        sessionFactory = ModelBootstrap.boot(bootDatabase, ENTITIES, Map.of());
        expectations = ModelExpectations.derive(sessionFactory, List.of());
    }

    @AfterAll
    static void closeAndDrop() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        TestPostgres.server().dropDatabase(bootDatabase);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            server.dropDatabase(database);
        }
    }

    @Test
    void expectationsAreKeyedBySchemaAndName() {
        assertEquals(Set.of("members", "org.teams", "billing.invoices"), expectations.tables());
        assertEquals(List.of("billing.invoices.status", "members.kind", "org.teams.kind"),
                expectations.enums().stream().map(EnumExpectation::qualifiedColumn).toList());
        assertEquals(List.of("billing.invoices.issued_at", "members.joined_at", "org.teams.created_at"),
                expectations.temporals().stream().map(TemporalExpectation::qualifiedColumn).toList());
    }

    @Test
    void aDefaultSchemaQualifiesTheUnqualifiedEntities() {
        SessionFactory withDefault = ModelBootstrap.boot(bootDatabase, ENTITIES, Map.of("hibernate.default_schema", "org"));
        try {
            assertEquals(Set.of("org.members", "org.teams", "billing.invoices"),
                    ModelExpectations.derive(withDefault, List.of()).tables());
        } finally {
            withDefault.close();
        }
    }

    @Test
    void theHappyPathHasNoFindings() throws SQLException {
        assertEquals(List.of(), findings(""));
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', value = {
        "ALTER TYPE billing.invoicestatus RENAME VALUE 'paid' TO 'PAID'"
                + "|ENUM_CASE_MISMATCH|billing.invoicestatus",
        "ALTER TYPE org.teamkind ADD VALUE 'alumni'|ENUM_LABEL_UNMAPPED|org.teamkind",
        "ALTER TABLE billing.invoices ALTER COLUMN status TYPE text; DROP TYPE billing.invoicestatus;"
                + " CREATE TYPE billing.invoicestatus AS ENUM ('draft');"
                + " ALTER TABLE billing.invoices ALTER COLUMN status TYPE billing.invoicestatus"
                + " USING status::billing.invoicestatus|ENUM_LABEL_MISSING|billing.invoicestatus",
        "ALTER TABLE org.teams ALTER COLUMN kind TYPE integer USING 0|ENUM_COLUMN_TYPE_MISMATCH|org.teams.kind",
        "ALTER TABLE billing.invoices ALTER COLUMN issued_at TYPE timestamp"
                + "|TIMESTAMP_TZ_MISMATCH|billing.invoices.issued_at",
        "ALTER TABLE org.teams ALTER COLUMN created_at TYPE timestamptz|TIMESTAMP_TZ_MISMATCH|org.teams.created_at",
    })
    void eachDriftInANonDefaultSchemaIsFoundAndNamedQualified(String drift, String code, String object)
            throws SQLException {
        assertEquals(List.of(code + " " + object), findings(drift));
    }

    @Test
    void aMissingTypeAndTableInANonDefaultSchemaAreFound() throws SQLException {
        assertEquals(List.of("ENUM_COLUMN_TYPE_MISMATCH billing.invoices.status", "ENUM_TYPE_MISSING invoicestatus"),
                findings("ALTER TABLE billing.invoices ALTER COLUMN status TYPE text;"
                        + " DROP TYPE billing.invoicestatus"));
        assertEquals(List.of("ENUM_COLUMN_TYPE_MISMATCH org.teams.kind", "TIMESTAMP_TZ_MISMATCH org.teams.created_at"),
                findings("DROP TABLE org.teams"));
    }

    /** The findings, as {@code CODE object}, on a fresh database with {@link #SCHEMA} and then {@code drift}. */
    private List<String> findings(String drift) throws SQLException {
        if (database != null) {
            server.dropDatabase(database);
        }
        database = server.createDatabase();
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            if (!drift.isEmpty()) {
                s.execute(drift);
            }
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        JdbcCatalogInspector inspector = new JdbcCatalogInspector(database, dataSource, MigrationHistoryReader.none());
        List<Finding> findings = new SchemaChecks(Clock.systemUTC())
                .findings(expectations, inspector.snapshot(expectations.tables()), Stage.RUNTIME);
        return findings.stream().map(f -> f.code() + " " + f.object()).toList();
    }
}

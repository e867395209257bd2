package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.model.Colour;
import dev.migrationgate.expect.model.Priority;
import dev.migrationgate.expect.model.Severity;
import dev.migrationgate.expect.model.Ticket;
import dev.migrationgate.expect.model.TicketStatus;
import dev.migrationgate.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the expectations against Hibernate itself: the schema Hibernate generates for the test model
 * has exactly the expected enum types and temporal families, and the values Hibernate binds on insert
 * are exactly the expected labels.
 */
class ExpectationsMatchHibernateTest {

    private static final String CATALOG_COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typname, t.typtype = 'e'
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """;

    private static String database;
    private static SessionFactory sessionFactory;
    private static Expectations expectations;

    private record CatalogColumn(String formatType, String typeName, boolean enumType) {
    }

    @BeforeAll
    static void generateTheSchemaWithHibernate() throws SQLException {
        database = TestPostgres.server().createDatabase();
        execute("CREATE TYPE ticket_severity AS ENUM ('minor', 'major', 'blocker')",
                "CREATE TYPE priority_level AS ENUM ('low', 'normal', 'urgent')",
                "CREATE TYPE window_state AS ENUM ('open', 'in_progress', 'closed')");
        sessionFactory = ModelBootstrap.boot(database, ModelBootstrap.modelEntities(),
                Map.of("hibernate.hbm2ddl.auto", "create"));
        expectations = ModelExpectations.derive(sessionFactory, List.of());
    }

    @AfterAll
    static void closeAndDrop() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        TestPostgres.server().dropDatabase(database);
    }

    @Test
    void generatedTablesAreExactlyTheExpectedTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        catalogColumns().keySet().forEach(column -> tables.add(column.substring(0, column.indexOf('.'))));
        assertEquals(tables, expectations.tables());
    }

    @Test
    void generatedEnumColumnsHaveTheExpectedStorageAndType() throws SQLException {
        Map<String, CatalogColumn> catalog = catalogColumns();
        assertEquals(13, expectations.enums().size());
        for (EnumExpectation expected : expectations.enums()) {
            CatalogColumn actual = catalog.get(expected.qualifiedColumn());
            String where = expected.qualifiedColumn() + " " + actual;
            switch (expected.storage()) {
                case NAMED_ENUM -> {
                    assertTrue(actual.enumType(), where);
                    assertEquals(expected.enumType().orElseThrow(), actual.typeName(), where);
                }
                case STRING -> assertTrue(actual.formatType().startsWith("character varying"), where);
                case ORDINAL -> assertEquals("smallint", actual.formatType(), where);
            }
        }
    }

    @Test
    void generatedTemporalColumnsHaveTheExpectedFamily() throws SQLException {
        Map<String, CatalogColumn> catalog = catalogColumns();
        assertEquals(21, expectations.temporals().size());
        for (TemporalExpectation expected : expectations.temporals()) {
            CatalogColumn actual = catalog.get(expected.qualifiedColumn());
            assertEquals(expected.family(), TemporalFamily.ofFormatType(actual.formatType()),
                    expected.qualifiedColumn() + " " + actual);
        }
    }

    @Test
    void hibernateNamesEnumTypesByTheFoldedSimpleNameAndSortsTheirLabels() throws SQLException {
        assertEquals(List.of("closed", "in_progress", "open"), labels("ticketstatus"));
        assertEquals(List.of("BLUE", "GREEN", "RED"), labels("colour"));
        assertEquals(List.of("blocker", "major", "minor"), labels("severity"),
                "Hibernate creates the class-named type even when columnDefinition names another one");
        for (String type : List.of("ticketstatus", "colour")) {
            EnumExpectation expected = expectations.enums().stream()
                    .filter(e -> e.enumType().equals(Optional.of(type))).findFirst().orElseThrow();
            assertEquals(new TreeSet<>(expected.labels()), new TreeSet<>(labels(type)), type);
        }
    }

    @Test
    void valuesHibernateBindsAreExactlyTheExpectedLabels() throws SQLException {
        Colour[] colours = Colour.values();
        sessionFactory.inTransaction(session -> IntStream.range(0, 3).forEach(i -> {
            Ticket ticket = new Ticket();
            ticket.id = (long) i;
            ticket.priority = Priority.values()[i];
            ticket.priorityLevel = Priority.values()[i];
            ticket.colourName = colours[i];
            ticket.colourOrdinal = colours[i];
            ticket.colour = colours[i];
            ticket.status = TicketStatus.values()[i];
            ticket.severity = Severity.values()[i];
            session.persist(ticket);
        }));
        List<EnumExpectation> ticketEnums = expectations.enums().stream().filter(e -> e.table().equals("tickets"))
                .toList();
        assertEquals(7, ticketEnums.size());
        for (EnumExpectation expected : ticketEnums) {
            List<String> stored = texts("SELECT " + expected.column() + "::text FROM tickets ORDER BY id");
            List<String> written = expected.storage() == EnumStorage.ORDINAL ? List.of("0", "1", "2")
                    : expected.labels();
            assertEquals(written, stored, expected.qualifiedColumn());
        }
    }

    private static Map<String, CatalogColumn> catalogColumns() throws SQLException {
        Map<String, CatalogColumn> columns = new HashMap<>();
        try (Connection c = TestPostgres.server().connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(CATALOG_COLUMNS)) {
            while (rs.next()) {
                columns.put(rs.getString(1) + "." + rs.getString(2),
                        new CatalogColumn(rs.getString(3), rs.getString(4), rs.getBoolean(5)));
            }
        }
        return columns;
    }

    private static List<String> labels(String type) throws SQLException {
        return texts("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = '"
                + type + "' ORDER BY e.enumsortorder");
    }

    private static List<String> texts(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestPostgres.server().connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = TestPostgres.server().connect(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}

package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.model.Parcel;
import dev.migrationgate.testdb.TestPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expectations derived from plain Hibernate ORM booted on the test entity set in {@code expect.model}. */
class ModelExpectationsTest {

    private static String database;
    private static Expectations expectations;

    @BeforeAll
    static void deriveFromTheWholeModel() {
        database = TestPostgres.server().createDatabase();
        expectations = derive(ModelBootstrap.modelEntities(), Map.of());
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.server().dropDatabase(database);
    }

    @Test
    void converterOnACharacterColumnExpectsTheConvertedValues() {
        assertEquals(new EnumExpectation("Ticket", "priority", "tickets", "priority", "Priority", EnumStorage.STRING,
                Optional.empty(), List.of("low", "normal", "urgent")), enumAt(expectations, "tickets.priority"));
    }

    @Test
    void enumeratedStringWithoutValueFieldExpectsTheConstantNames() {
        assertEquals(new EnumExpectation("Ticket", "colourName", "tickets", "colour_name", "Colour",
                EnumStorage.STRING, Optional.empty(), List.of("RED", "GREEN", "BLUE")),
                enumAt(expectations, "tickets.colour_name"));
        assertEquals(new EnumExpectation("Shift", "priorities", "shift_priorities", "priority", "Priority",
                EnumStorage.STRING, Optional.empty(), List.of("LOW", "NORMAL", "URGENT")),
                enumAt(expectations, "shift_priorities.priority"));
    }

    @Test
    void enumeratedValueOnANamedEnumExpectsTheValuesInDeclarationOrderAndTheFoldedClassName() {
        assertEquals(new EnumExpectation("Ticket", "status", "tickets", "status", "TicketStatus",
                EnumStorage.NAMED_ENUM, Optional.of("ticketstatus"), List.of("open", "in_progress", "closed")),
                enumAt(expectations, "tickets.status"));
    }

    @Test
    void namedEnumWithoutValueFieldExpectsTheConstantNames() {
        assertEquals(new EnumExpectation("Ticket", "colour", "tickets", "colour", "Colour", EnumStorage.NAMED_ENUM,
                Optional.of("colour"), List.of("RED", "GREEN", "BLUE")), enumAt(expectations, "tickets.colour"));
    }

    @Test
    void columnDefinitionNamesTheEnumTypeInsteadOfTheClass() {
        EnumExpectation severity = enumAt(expectations, "tickets.severity");
        assertEquals(Optional.of("ticket_severity"), severity.enumType());
        assertEquals(List.of("minor", "major", "blocker"), severity.labels());
        EnumExpectation overridden = enumAt(expectations, "shifts.window_status");
        assertEquals(EnumStorage.NAMED_ENUM, overridden.storage());
        assertEquals(Optional.of("window_state"), overridden.enumType());
        assertEquals("window.status", overridden.attribute());
    }

    @Test
    void converterOntoAnEnumColumnExpectsTheColumnDefinitionType() {
        assertEquals(new EnumExpectation("Ticket", "priorityLevel", "tickets", "priority_level", "Priority",
                EnumStorage.NAMED_ENUM, Optional.of("priority_level"), List.of("low", "normal", "urgent")),
                enumAt(expectations, "tickets.priority_level"));
    }

    @Test
    void ordinalExpectsAnIntegerColumnWithoutLabels() {
        assertEquals(new EnumExpectation("Ticket", "colourOrdinal", "tickets", "colour_ordinal", "Colour",
                EnumStorage.ORDINAL, Optional.empty(), List.of()), enumAt(expectations, "tickets.colour_ordinal"));
        assertEquals(new EnumExpectation("Shift", "id.colour", "shifts", "colour", "Colour", EnumStorage.ORDINAL,
                Optional.empty(), List.of()), enumAt(expectations, "shifts.colour"));
    }

    @Test
    void everyTemporalTypeExpectsTheFamilyOfTheJdbcTypeHibernateResolved() {
        Map<String, TemporalFamily> expected = new LinkedHashMap<>();
        expected.put("calendar", TemporalFamily.TIMESTAMP);
        expected.put("instant", TemporalFamily.TIMESTAMPTZ);
        expected.put("local_date", TemporalFamily.DATE);
        expected.put("local_date_time", TemporalFamily.TIMESTAMP);
        expected.put("local_time", TemporalFamily.TIME);
        expected.put("normalized_offset_date_time", TemporalFamily.TIMESTAMP);
        expected.put("offset_date_time", TemporalFamily.TIMESTAMPTZ);
        expected.put("offset_time", TemporalFamily.TIME);
        expected.put("sql_date", TemporalFamily.DATE);
        expected.put("sql_time", TemporalFamily.TIME);
        expected.put("sql_timestamp", TemporalFamily.TIMESTAMP);
        expected.put("util_date", TemporalFamily.TIMESTAMP);
        expected.put("util_date_as_date", TemporalFamily.DATE);
        expected.put("zoned_date_time", TemporalFamily.TIMESTAMPTZ);
        assertEquals(expected, families(expectations, "schedules"));
    }

    @Test
    void normalizeStorageSettingMakesOffsetAndZonedDateTimesNaive() {
        Expectations normalized = derive(ModelBootstrap.modelEntities(),
                Map.of("hibernate.timezone.default_storage", "NORMALIZE"));
        Map<String, TemporalFamily> schedules = families(normalized, "schedules");
        assertEquals(TemporalFamily.TIMESTAMP, schedules.get("offset_date_time"));
        assertEquals(TemporalFamily.TIMESTAMP, schedules.get("zoned_date_time"));
        assertEquals(TemporalFamily.TIMESTAMPTZ, schedules.get("instant"));
        assertEquals(TemporalFamily.TIMESTAMP, families(normalized, "AuditTrail").get("OccurredAt"));
        assertEquals(TemporalFamily.TIMESTAMPTZ, families(expectations, "AuditTrail").get("OccurredAt"));
    }

    @Test
    void embeddablesAndEmbeddedIdsContributeTheirColumns() {
        assertEquals(new TemporalExpectation("Shift", "id.day", "shifts", "day", "LocalDate", TemporalFamily.DATE),
                temporalAt(expectations, "shifts.day"));
        assertEquals(new TemporalExpectation("Shift", "window.opensAt", "shifts", "opens_at", "LocalTime",
                TemporalFamily.TIME), temporalAt(expectations, "shifts.opens_at"));
        assertEquals(new TemporalExpectation("Shift", "window.closesAt", "shifts", "closes_at", "Instant",
                TemporalFamily.TIMESTAMPTZ), temporalAt(expectations, "shifts.closes_at"));
    }

    @Test
    void quotedIdentifiersKeepTheirCaseAndUnquotedOnesAreFolded() {
        TemporalExpectation occurredAt = temporalAt(expectations, "AuditTrail.OccurredAt");
        assertEquals("AuditTrail", occurredAt.table());
        assertEquals("OccurredAt", occurredAt.column());
        assertEquals("kind", enumAt(expectations, "AuditTrail.kind").column());
        assertEquals("AuditTrail.kind", ModelExpectations.foldIdentifier("\"AuditTrail\".KIND"));
        assertEquals("say \"hi\"", ModelExpectations.foldIdentifier("\"say \"\"hi\"\"\""));
    }

    @Test
    void tablesAreEveryEntityAndCollectionTable() {
        assertEquals(Set.of("AuditTrail", "escalated_tickets", "parcels", "schedules", "shift_priorities", "shifts",
                "tickets"), expectations.tables());
    }

    @Test
    void inheritedColumnsAreExpectedOnceInTheTableThatHoldsThem() {
        assertEquals(1,
                expectations.enums().stream().filter(e -> e.qualifiedColumn().equals("tickets.status")).count());
        assertEquals("Ticket", enumAt(expectations, "tickets.status").entity());
        assertEquals("EscalatedTicket", enumAt(expectations, "escalated_tickets.escalated_status").entity());
        assertEquals(new TemporalExpectation("Ticket", "createdAt", "tickets", "created_at", "LocalDateTime",
                TemporalFamily.TIMESTAMP), temporalAt(expectations, "tickets.created_at"));
        assertFalse(expectations.temporals().stream().anyMatch(t -> t.table().equals("escalated_tickets")
                && t.column().equals("created_at")));
    }

    @Test
    void addingAnEntityClassYieldsItsExpectationsWithNoOtherChange() {
        List<Class<?>> withoutParcel = ModelBootstrap.modelEntities().stream().filter(c -> c != Parcel.class).toList();
        Expectations before = derive(withoutParcel, Map.of());
        assertFalse(before.tables().contains("parcels"));

        assertEquals(List.of(new EnumExpectation("Parcel", "status", "parcels", "status", "TicketStatus",
                EnumStorage.NAMED_ENUM, Optional.of("ticketstatus"), List.of("open", "in_progress", "closed"))),
                expectations.enums().stream().filter(e -> e.table().equals("parcels")).toList());
        assertEquals(List.of(new TemporalExpectation("Parcel", "shippedAt", "parcels", "shipped_at", "LocalDateTime",
                TemporalFamily.TIMESTAMP)),
                expectations.temporals().stream().filter(t -> t.table().equals("parcels")).toList());
        assertEquals(before.enums(), expectations.enums().stream().filter(e -> !e.table().equals("parcels")).toList());
        assertEquals(before.temporals(),
                expectations.temporals().stream().filter(t -> !t.table().equals("parcels")).toList());
        assertTrue(expectations.tables().containsAll(before.tables()));
        assertEquals(before.tables().size() + 1, expectations.tables().size());
    }

    @Test
    void extensionRequirementsArePassedThrough() {
        List<ExtensionRequirement> extensions = ExtensionRequirements.parse(List.of("uuid-ossp"), List.of("vector"));
        try (SessionFactory sessionFactory = ModelBootstrap.boot(database, List.of(Parcel.class), Map.of())) {
            assertEquals(extensions, ModelExpectations.derive(sessionFactory, extensions).extensions());
        }
    }

    @Test
    void columnDefinitionYieldsTheTypeNameOnlyWhenItStartsWithOne() {
        assertEquals(Optional.of("ticket_severity"), ModelExpectations.declaredTypeName("Ticket_Severity not null"));
        assertEquals(Optional.of("Mood"), ModelExpectations.declaredTypeName("app.\"Mood\""));
        assertEquals(Optional.empty(), ModelExpectations.declaredTypeName(""));
        assertEquals(Optional.empty(), ModelExpectations.declaredTypeName("(1)"));
    }

    private static Expectations derive(List<Class<?>> entities, Map<String, Object> settings) {
        try (SessionFactory sessionFactory = ModelBootstrap.boot(database, entities, settings)) {
            return ModelExpectations.derive(sessionFactory, List.of());
        }
    }

    private static EnumExpectation enumAt(Expectations expectations, String qualifiedColumn) {
        return expectations.enums().stream().filter(e -> e.qualifiedColumn().equals(qualifiedColumn)).findFirst()
                .orElseThrow(() -> new AssertionError("no enum expectation for " + qualifiedColumn + " in "
                        + expectations.enums()));
    }

    private static TemporalExpectation temporalAt(Expectations expectations, String qualifiedColumn) {
        return expectations.temporals().stream().filter(t -> t.qualifiedColumn().equals(qualifiedColumn)).findFirst()
                .orElseThrow(() -> new AssertionError("no temporal expectation for " + qualifiedColumn + " in "
                        + expectations.temporals()));
    }

    private static Map<String, TemporalFamily> families(Expectations expectations, String table) {
        return expectations.temporals().stream().filter(t -> t.table().equals(table))
                .collect(Collectors.toMap(TemporalExpectation::column, TemporalExpectation::family, (a, b) -> a,
                        LinkedHashMap::new));
    }
}

package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.inspect.SessionSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    private static final SessionSettings AUDIT_FIRST =
            new SessionSettings("UTC", "UTC", List.of("pg_catalog", "audit", "public"), "app", false);

    @Test
    void findsTheTableEarliestOnTheSearchPath() {
        Columns columns = Columns.of(Fixtures.given().settings(AUDIT_FIRST)
                .column("archive", "events", "at", "timestamp with time zone", "timestamptz")
                .column("public", "events", "at", "timestamp without time zone", "timestamp")
                .column("audit", "events", "at", "date", "date")
                .snapshot());

        assertEquals("audit", columns.find("events", "at").orElseThrow().schema());
    }

    @Test
    void fallsBackToASchemaOffTheSearchPath() {
        Columns columns = Columns.of(Fixtures.given().settings(AUDIT_FIRST)
                .column("archive", "events", "at", "timestamp with time zone", "timestamptz")
                .snapshot());

        assertEquals("archive", columns.find("events", "at").orElseThrow().schema());
    }

    @Test
    void keepsTheFirstOfTwoSchemasOffTheSearchPath() {
        Columns columns = Columns.of(Fixtures.given().settings(AUDIT_FIRST)
                .column("archive", "events", "at", "timestamp with time zone", "timestamptz")
                .column("backup", "events", "at", "timestamp with time zone", "timestamptz")
                .snapshot());

        assertEquals("archive", columns.find("events", "at").orElseThrow().schema());
    }

    @Test
    void tellsAMissingColumnFromAMissingTable() {
        Columns columns = Columns.of(Fixtures.given()
                .column("events", "at", "timestamp without time zone", "timestamp")
                .snapshot());

        assertTrue(columns.find("events", "gone").isEmpty());
        assertEquals("column missing", columns.absence("events"));
        assertTrue(columns.find("gone", "at").isEmpty());
        assertEquals("table missing", columns.absence("gone"));
    }
}

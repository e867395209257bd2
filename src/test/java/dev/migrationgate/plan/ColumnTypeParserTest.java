package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTypeParserTest {

    private static TokenCursor cursor(String sql) {
        return new TokenCursor(StatementSplitter.split(sql).get(0).tokens());
    }

    @Test
    void stopsAfterTheTypeLeavingConstraintsUnread() {
        TokenCursor cursor = cursor("timestamp(3) with time zone NOT NULL DEFAULT now()");

        assertEquals(new TypeSyntax("pg_catalog", "timestamptz", List.of("3"), null, false), ColumnTypeParser.parse(cursor));
        assertEquals("not", cursor.peek().text());
    }

    @Test
    void mapsStandardSpellingsToCatalogTypeNames() {
        assertEquals(new TypeSyntax("pg_catalog", "varchar", List.of("5"), null, false),
                ColumnTypeParser.parse(cursor("national char varying(5)")));
        assertEquals(new TypeSyntax("pg_catalog", "float8", List.of(), null, false),
                ColumnTypeParser.parse(cursor("float(25)")));
        assertEquals(new TypeSyntax("pg_catalog", "bpchar", List.of("1"), null, false),
                ColumnTypeParser.parse(cursor("character")));
        assertEquals(new TypeSyntax("pg_catalog", "interval", List.of("2"), "day to second", false),
                ColumnTypeParser.parse(cursor("interval day to second(2)")));
    }

    @Test
    void readsQualifiedQuotedAndArrayTypesAsWritten() {
        assertEquals(new TypeSyntax("Other", "Kind", List.of(), null, true),
                ColumnTypeParser.parse(cursor("\"Other\".\"Kind\"[][3] COLLATE \"C\"")));
        assertEquals(new TypeSyntax(null, "vector", List.of("1536"), null, true),
                ColumnTypeParser.parse(cursor("vector(1536) ARRAY")));
        assertEquals(new TypeSyntax(null, "timestamp", List.of(), null, false),
                ColumnTypeParser.parse(cursor("\"timestamp\"")));
    }

    @Test
    void rejectsANonIntegerModifierOfABuiltInType() {
        TypeSyntax type = ColumnTypeParser.parse(cursor("varchar(n)"));

        assertThrows(UnsupportedStatementException.class, () -> BuiltinTypes.resolve(type));
    }
}

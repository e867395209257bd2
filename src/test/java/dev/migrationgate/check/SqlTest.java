package dev.migrationgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void quotesIdentifiersDoublingEmbeddedDoubleQuotes() {
        assertEquals("\"uuid-ossp\"", Sql.identifier("uuid-ossp"));
        assertEquals("\"we\"\"ird\"", Sql.identifier("we\"ird"));
        assertEquals("\"User'Role\"", Sql.identifier("User'Role"));
    }

    @Test
    void quotesLiteralsDoublingEmbeddedSingleQuotes() {
        assertEquals("'admin'", Sql.literal("admin"));
        assertEquals("'it''s'", Sql.literal("it's"));
        assertEquals("'back\\slash'", Sql.literal("back\\slash"));
        assertEquals("'a', 'b''c'", Sql.literals(List.of("a", "b'c")));
    }

    @Test
    void qualifiesNamesWithTheirSchemaWhenKnown() {
        assertEquals("\"public\".\"userrole\"", Sql.qualified("public", "userrole"));
        assertEquals("\"userrole\"", Sql.qualified(null, "userrole"));
    }

    @Test
    void picksADollarQuoteTagAbsentFromTheBody() {
        assertEquals("$fix$\nSELECT 1\n$fix$", Sql.dollarQuoted("SELECT 1"));
        assertEquals("$fix2$\nSELECT '$fix$', '$fix1$'\n$fix2$", Sql.dollarQuoted("SELECT '$fix$', '$fix1$'"));
    }

    @Test
    void rejectsNulCharactersAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> Sql.literal("a\0b"));
        assertThrows(NullPointerException.class, () -> Sql.identifier(null));
    }
}

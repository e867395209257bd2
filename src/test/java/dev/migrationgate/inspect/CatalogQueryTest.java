package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One SQL text per query, with its placeholders rewritten for JDBC. */
class CatalogQueryTest {

    @Test
    void jdbcSqlReplacesDollarPlaceholdersOutsideCommentsAndQuotes() {
        List<Integer> parameters = new ArrayList<>();

        String jdbc = CatalogQuery.toJdbc("-- takes $1\nSELECT '$1', \"$2\", $2::text[] = ANY ($1) /* $3 */", parameters);

        assertEquals("-- takes $1\nSELECT '$1', \"$2\", ?::text[] = ANY (?) /* $3 */", jdbc);
        assertEquals(List.of(2, 1), parameters);
    }

    @Test
    void bareQuestionMarkAndDollarQuotingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CatalogQuery.toJdbc("SELECT '{}'::jsonb ? 'a'", new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> CatalogQuery.toJdbc("SELECT $q$x$q$", new ArrayList<>()));
    }

    @Test
    void everyQueryHasAHeaderCommentAndOnlyColumnsTakesTheTableNames() {
        for (CatalogQuery query : CatalogQuery.values()) {
            assertTrue(query.sql().startsWith("-- "), query + " starts with a comment saying what it returns");
        }
        assertEquals(List.of(1, 1), CatalogQuery.COLUMNS.jdbcParameters(),
                "the table names are matched unqualified and schema-qualified: $1 is bound twice over JDBC");
        assertTrue(CatalogQuery.COLUMNS.jdbcSql("").contains("IN (SELECT pg_catalog.unnest(?::text[]))"), CatalogQuery.COLUMNS.jdbcSql(""));
        assertEquals(List.of(), CatalogQuery.ENUM_TYPES.jdbcParameters());
        assertEquals(List.of(), CatalogQuery.EXTENSIONS.jdbcParameters());
    }
}

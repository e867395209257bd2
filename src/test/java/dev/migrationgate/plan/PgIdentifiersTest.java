package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.testdb.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PgIdentifiersTest {

    @Test
    void quotesExactlyTheKeywordsTheServerQuotes() throws SQLException {
        Set<String> serverKeywords = new HashSet<>();
        try (Connection connection = TestPostgres.server().connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'")) {
            while (rs.next()) {
                serverKeywords.add(rs.getString(1));
            }
        }

        assertEquals(serverKeywords, PgIdentifiers.QUOTED_KEYWORDS);
    }

    @Test
    void quotesLikeQuoteIdent() {
        assertEquals(List.of("userrole", "\"UserRole\"", "\"user\"", "role", "\"a$b\"", "\"say \"\"hi\"\"\"", "\"1st\""),
                List.of("userrole", "UserRole", "user", "role", "a$b", "say \"hi\"", "1st").stream()
                        .map(PgIdentifiers::quote).toList());
    }

    @Test
    void qualifiesATypeNameOnlyOutsideTheVisibleSchemas() {
        List<String> visible = List.of("pg_catalog", "public");

        assertEquals("kind", PgIdentifiers.typeName("public", "kind", visible));
        assertEquals("\"Other\".\"Kind\"", PgIdentifiers.typeName("Other", "Kind", visible));
    }
}

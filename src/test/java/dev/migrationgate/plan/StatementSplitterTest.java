package dev.migrationgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrationgate.plan.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(SqlStatement statement) {
        return statement.tokens().stream().map(SqlToken::text).toList();
    }

    @Test
    void splitsAtTopLevelSemicolonsAndNumbersEachStatementByItsFirstLine() {
        List<SqlStatement> statements = StatementSplitter.split("""
                -- header; not a statement
                CREATE TYPE a AS ENUM ('x');

                /* a comment; with a semicolon */ CREATE TABLE t (
                    id int
                );
                SELECT 1""");

        assertEquals(3, statements.size());
        assertEquals(List.of(2, 4, 7), statements.stream().map(SqlStatement::line).toList());
        assertEquals(List.of("create", "type", "a", "as", "enum", "(", "x", ")"), texts(statements.get(0)));
        assertEquals(List.of("select", "1"), texts(statements.get(2)));
    }

    @Test
    void keepsSemicolonsInsideLiteralsQuotedIdentifiersAndDollarQuotesOpaque() {
        List<SqlStatement> statements = StatementSplitter.split("""
                CREATE TYPE "we""ird;" AS ENUM ('it''s; fine', E'back\\'slash;');
                CREATE FUNCTION f() RETURNS void AS $body$
                  BEGIN ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz; END;
                $body$ LANGUAGE plpgsql;
                DO $$ BEGIN CREATE TYPE hidden AS ENUM ('a'); END $$;
                """);

        assertEquals(3, statements.size());
        List<SqlToken> type = statements.get(0).tokens();
        assertEquals(new SqlToken(Kind.QUOTED_IDENTIFIER, "we\"ird;", 1), type.get(2));
        assertEquals(new SqlToken(Kind.STRING, "it's; fine", 1), type.get(6));
        assertEquals(new SqlToken(Kind.STRING, "back'slash;", 1), type.get(8));
        SqlToken body = statements.get(1).tokens().get(8);
        assertEquals(Kind.DOLLAR_BODY, body.kind());
        assertEquals("\n  BEGIN ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz; END;\n", body.text());
        assertEquals(List.of(1, 2, 5), statements.stream().map(SqlStatement::line).toList());
        assertEquals(List.of("do", " BEGIN CREATE TYPE hidden AS ENUM ('a'); END "), texts(statements.get(2)));
    }

    @Test
    void countsLinesInsideMultiLineLiteralsCommentsAndDollarBodies() {
        List<SqlStatement> statements = StatementSplitter.split("""
                INSERT INTO t VALUES ('line one
                line two');
                /* nested /* comment
                   */ still comment;
                */
                COMMENT ON TABLE t IS $$a
                b$$;
                DROP TYPE x;""");

        assertEquals(List.of(1, 6, 8), statements.stream().map(SqlStatement::line).toList());
        assertEquals(List.of("drop", "type", "x"), texts(statements.get(2)));
    }

    @Test
    void foldsUnquotedIdentifiersAndKeepsQuotedOnesAsWritten() {
        List<SqlToken> tokens = StatementSplitter.split("ALTER TABLE Public.\"Users\" RENAME TO UserAccounts").get(0).tokens();

        assertEquals(List.of("alter", "table", "public", ".", "Users", "rename", "to", "useraccounts"),
                tokens.stream().map(SqlToken::text).toList());
        assertEquals(Kind.QUOTED_IDENTIFIER, tokens.get(4).kind());
    }

    @Test
    void keepsDollarSignsInIdentifiersAndParametersOutOfDollarQuotes() {
        List<SqlToken> tokens = StatementSplitter.split("SELECT a$b, $1 FROM t$x").get(0).tokens();

        assertEquals(List.of("select", "a$b", ",", "$", "1", "from", "t$x"), tokens.stream().map(SqlToken::text).toList());
    }

    @Test
    void keepsAnAtomicFunctionBodyInOneStatement() {
        List<SqlStatement> statements = StatementSplitter.split("""
                CREATE FUNCTION f() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN true THEN 1 ELSE 2 END;
                  SELECT 3;
                END;
                CREATE TYPE after_body AS ENUM ('a');
                """);

        assertEquals(2, statements.size());
        assertEquals(6, statements.get(1).line());
        assertEquals("after_body", statements.get(1).tokens().get(2).text());
    }

    @Test
    void skipsCopyFromStdinData() {
        List<SqlStatement> statements = StatementSplitter.split("""
                COPY t (a, b) FROM stdin;
                it's	raw; data
                $$ unbalanced
                \\.
                CREATE TYPE after_copy AS ENUM ('a');
                """);

        assertEquals(2, statements.size());
        assertEquals(5, statements.get(1).line());
        assertEquals("after_copy", statements.get(1).tokens().get(2).text());
    }

    @Test
    void rejectsAnUnterminatedLiteralNamingTheLineItStarts() {
        ScriptSyntaxException error = assertThrows(ScriptSyntaxException.class,
                () -> StatementSplitter.split("SELECT 1;\nCREATE TYPE a AS ENUM ('x);\n"));

        assertEquals(2, error.line());
        assertEquals("unterminated string literal", error.getMessage());
    }

    @Test
    void rejectsAnUnterminatedDollarQuote() {
        ScriptSyntaxException error = assertThrows(ScriptSyntaxException.class,
                () -> StatementSplitter.split("\nDO $x$ BEGIN END $y$;"));

        assertEquals(2, error.line());
    }
}

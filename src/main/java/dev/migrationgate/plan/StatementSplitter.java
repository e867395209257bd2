package dev.migrationgate.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons, as Flyway's PostgreSQL parser does:
 * semicolons inside literals, comments and dollar-quoted bodies do not count, a SQL-standard
 * {@code BEGIN ATOMIC … END} function body stays one statement, and the data of
 * {@code COPY … FROM STDIN} is skipped.
 */
final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * The statements of {@code script} in order.
     *
     * @throws ScriptSyntaxException when the script cannot be read to its end
     */
    static List<SqlStatement> split(String script) {
        SqlLexer lexer = new SqlLexer(script);
        List<SqlStatement> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int atomicDepth = 0;
        for (SqlToken token = lexer.next(); token != null; token = lexer.next()) {
            if (token.isSymbol(";") && atomicDepth == 0) {
                if (!current.isEmpty()) {
                    statements.add(new SqlStatement(current.get(0).line(), current));
                    if (isCopyFromStdin(current)) {
                        lexer.skipCopyData();
                    }
                }
                current = new ArrayList<>();
                continue;
            }
            atomicDepth = nextAtomicDepth(atomicDepth, current, token);
            current.add(token);
        }
        if (!current.isEmpty()) {
            statements.add(new SqlStatement(current.get(0).line(), current));
        }
        return statements;
    }

    private static int nextAtomicDepth(int depth, List<SqlToken> current, SqlToken token) {
        if (depth == 0) {
            boolean opensBody = token.isWord("atomic") && !current.isEmpty()
                    && current.get(current.size() - 1).isWord("begin") && current.get(0).isWord("create");
            return opensBody ? 1 : 0;
        }
        if (token.isWord("case") || token.isWord("begin")) {
            return depth + 1;
        }
        return token.isWord("end") ? depth - 1 : depth;
    }

    private static boolean isCopyFromStdin(List<SqlToken> statement) {
        if (!statement.get(0).isWord("copy")) {
            return false;
        }
        for (int i = 1; i < statement.size(); i++) {
            if (statement.get(i).isWord("stdin") && statement.get(i - 1).isWord("from")) {
                return true;
            }
        }
        return false;
    }
}

package dev.migrationgate.plan;

import java.util.List;

/**
 * One statement of a script, without its terminating semicolon.
 *
 * @param line the 1-based line of the statement's first token
 */
record SqlStatement(int line, List<SqlToken> tokens) {

    SqlStatement {
        tokens = List.copyOf(tokens);
    }
}

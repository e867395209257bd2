package dev.migrationgate.plan;

/** A script the lexer cannot read to its end, such as one with an unterminated literal or comment. */
final class ScriptSyntaxException extends RuntimeException {

    private final int line;

    ScriptSyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}

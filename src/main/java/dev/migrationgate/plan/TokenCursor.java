package dev.migrationgate.plan;

import dev.migrationgate.plan.SqlToken.Kind;
import java.util.List;
import java.util.Locale;

/** A read position in a statement's tokens, with the small vocabulary the statement parsers share. */
final class TokenCursor {

    private final List<SqlToken> tokens;
    private int pos;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** A cursor over the same tokens, positioned at {@code index}. */
    TokenCursor from(int index) {
        TokenCursor cursor = new TokenCursor(tokens);
        cursor.pos = index;
        return cursor;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The token {@code ahead} positions on, or {@code null} past the end. */
    SqlToken peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    SqlToken peek() {
        return peek(0);
    }

    boolean peekWord(String word) {
        SqlToken token = peek();
        return token != null && token.isWord(word);
    }

    boolean peekSymbol(String symbol) {
        SqlToken token = peek();
        return token != null && token.isSymbol(symbol);
    }

    SqlToken next() {
        if (atEnd()) {
            throw new UnsupportedStatementException("the statement ends unexpectedly");
        }
        return tokens.get(pos++);
    }

    /** Consumes {@code words} if the next tokens are exactly these words, in order. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken token = peek(i);
            if (token == null || !token.isWord(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expectWords(String... words) {
        if (!acceptWords(words)) {
            throw new UnsupportedStatementException("expected " + String.join(" ", words).toUpperCase(Locale.ROOT)
                    + " but found " + describe(peek()));
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new UnsupportedStatementException("expected '" + symbol + "' but found " + describe(peek()));
        }
    }

    void expectEnd() {
        if (!atEnd()) {
            throw new UnsupportedStatementException("unexpected " + describe(peek()));
        }
    }

    String identifier() {
        SqlToken token = peek();
        if (token == null || !token.isIdentifier()) {
            throw new UnsupportedStatementException("expected a name but found " + describe(token));
        }
        pos++;
        return token.text();
    }

    /** A name qualified by at most a schema. */
    ObjectName objectName() {
        String first = identifier();
        if (!acceptSymbol(".")) {
            return ObjectName.unqualified(first);
        }
        String second = identifier();
        if (peekSymbol(".")) {
            throw new UnsupportedStatementException("database-qualified names are not analysed");
        }
        return new ObjectName(first, second);
    }

    String stringLiteral() {
        SqlToken token = peek();
        if (token == null || token.kind() != Kind.STRING) {
            throw new UnsupportedStatementException("expected a string literal but found " + describe(token));
        }
        pos++;
        return token.text();
    }

    /**
     * Consumes tokens up to, not including, the next {@code ,} or {@code )} outside parentheses and
     * brackets, or to the end.
     */
    void skipToListEnd() {
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = peek();
            if (depth == 0 && (token.isSymbol(",") || token.isSymbol(")"))) {
                return;
            }
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            }
            pos++;
        }
    }

    /** The index of the {@code )} matching the {@code (} at the current position. */
    int matchingParenthesis() {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        throw new UnsupportedStatementException("unbalanced parentheses");
    }

    /** Whether {@code word} occurs among the remaining tokens outside parentheses. */
    boolean containsTopLevelWord(String word) {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SqlToken token) {
        if (token == null) {
            return "the end of the statement";
        }
        return switch (token.kind()) {
            case STRING -> "a string literal";
            case DOLLAR_BODY -> "a dollar-quoted body";
            case QUOTED_IDENTIFIER -> "\"" + token.text() + "\"";
            default -> "'" + token.text() + "'";
        };
    }
}

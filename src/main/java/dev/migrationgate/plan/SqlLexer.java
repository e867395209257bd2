package dev.migrationgate.plan;

import dev.migrationgate.plan.SqlToken.Kind;

/**
 * Splits PostgreSQL script text into tokens, following the server's lexical rules for what the
 * analysis needs: {@code --} and nested {@code /* *}{@code /} comments, string literals with doubled
 * quotes (and backslash escapes in {@code E'…'}), quoted identifiers, dollar-quoted bodies kept opaque,
 * numbers and operators. Hand-written because no SQL parser library is on the stack.
 */
final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String text;
    private int pos;
    private int line = 1;

    SqlLexer(String text) {
        this.text = text;
    }

    /** The next token, or {@code null} at the end of the text. */
    SqlToken next() {
        skipWhitespaceAndComments();
        if (pos >= text.length()) {
            return null;
        }
        int start = line;
        char c = text.charAt(pos);
        if (c == '\'') {
            return new SqlToken(Kind.STRING, quoted('\'', false, "string literal"), start);
        }
        if (c == '"') {
            return new SqlToken(Kind.QUOTED_IDENTIFIER, quoted('"', false, "quoted identifier"), start);
        }
        if (c == '$') {
            String tag = dollarTag();
            if (tag != null) {
                return new SqlToken(Kind.DOLLAR_BODY, dollarBody(tag), start);
            }
            pos++;
            return new SqlToken(Kind.SYMBOL, "$", start);
        }
        if (isIdentifierStart(c)) {
            return word(start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return new SqlToken(Kind.NUMBER, number(), start);
        }
        if (c == ':' && text.startsWith("::", pos)) {
            pos += 2;
            return new SqlToken(Kind.SYMBOL, "::", start);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return new SqlToken(Kind.SYMBOL, operator(), start);
        }
        pos++;
        return new SqlToken(Kind.SYMBOL, String.valueOf(c), start);
    }

    /**
     * Skips the data of a {@code COPY … FROM STDIN} statement: the rest of the current line, then
     * every line up to and including the terminating {@code \.} line.
     */
    void skipCopyData() {
        int start = line;
        skipLine();
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            String row = text.substring(pos, end < 0 ? text.length() : end);
            skipLine();
            if (row.strip().equals("\\.")) {
                return;
            }
        }
        throw new ScriptSyntaxException(start, "COPY … FROM STDIN data is not terminated by a \\. line");
    }

    private void skipLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        if (pos < text.length()) {
            pos++;
            line++;
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("--", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int start = line;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
        throw new ScriptSyntaxException(start, "unterminated /* comment");
    }

    private SqlToken word(int start) {
        int from = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(from, pos);
        if (pos < text.length() && text.charAt(pos) == '\'' && word.length() == 1 && "eEbBxXnN".indexOf(word.charAt(0)) >= 0) {
            boolean escapes = word.equalsIgnoreCase("e");
            return new SqlToken(Kind.STRING, quoted('\'', escapes, "string literal"), start);
        }
        return new SqlToken(Kind.WORD, foldAscii(word), start);
    }

    private String quoted(char quote, boolean backslashEscapes, String what) {
        int start = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            if (backslashEscapes && c == '\\' && pos + 1 < text.length()) {
                advance();
                value.append(unescape(text.charAt(pos)));
                advance();
                continue;
            }
            value.append(c);
            advance();
        }
        throw new ScriptSyntaxException(start, "unterminated " + what);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> c;
        };
    }

    /** The tag of a dollar quote starting at {@code pos} ({@code ""} for {@code $$}), or {@code null}. */
    private String dollarTag() {
        int i = pos + 1;
        if (i < text.length() && isIdentifierStart(text.charAt(i))) {
            while (i < text.length() && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
                i++;
            }
        }
        return i < text.length() && text.charAt(i) == '$' ? text.substring(pos + 1, i) : null;
    }

    private String dollarBody(String tag) {
        int start = line;
        String delimiter = "$" + tag + "$";
        pos += delimiter.length();
        int end = text.indexOf(delimiter, pos);
        if (end < 0) {
            throw new ScriptSyntaxException(start, "unterminated dollar-quoted string " + delimiter);
        }
        String body = text.substring(pos, end);
        while (pos < end) {
            advance();
        }
        pos += delimiter.length();
        return body;
    }

    private String number() {
        int from = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            if (text.startsWith("..", pos)) {
                break;
            }
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int exponent = pos + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                pos = exponent;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        return text.substring(from, pos);
    }

    private String operator() {
        int from = pos;
        while (pos < text.length() && OPERATOR_CHARS.indexOf(text.charAt(pos)) >= 0
                && !(pos > from && (text.startsWith("--", pos) || text.startsWith("/*", pos)))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    /** PostgreSQL folds unquoted identifiers by ASCII rules only, whatever the locale. */
    static String foldAscii(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }
}

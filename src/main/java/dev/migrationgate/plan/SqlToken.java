package dev.migrationgate.plan;

/**
 * One lexical token of a PostgreSQL script.
 *
 * @param text for {@link Kind#WORD} the identifier folded to lower case; for quoted identifiers and
 *     string literals the unescaped value; for dollar-quoted bodies the body; otherwise the symbol
 * @param line the 1-based line the token starts on
 */
record SqlToken(Kind kind, String text, int line) {

    /** What a token is. */
    enum Kind {
        /** An unquoted identifier or keyword. */
        WORD,
        /** A {@code "quoted identifier"}. */
        QUOTED_IDENTIFIER,
        /** A {@code 'string literal'} (also {@code E'…'}, {@code B'…'}, {@code X'…'}, {@code N'…'}). */
        STRING,
        /** A {@code $tag$…$tag$} body, opaque to the analysis. */
        DOLLAR_BODY,
        NUMBER,
        /** Punctuation or an operator. */
        SYMBOL
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}

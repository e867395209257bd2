package dev.migrationgate.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that reaches logs (findings never carry driver text in the first place):
 * every secret the application was configured with (registered at start-up, also in its percent-encoded
 * form), the user-info part of URLs ({@code postgresql://user:secret@host}, up to the last {@code @} of
 * the URL, so a password holding {@code @ / ? :} goes too), {@code password=} / {@code sslpassword=} /
 * {@code user=} parameters and their {@code key: value} and JSON {@code "key": "value"} forms (spaces around
 * the separator, quoted values), and SQL {@code PASSWORD} followed by any string constant PostgreSQL
 * accepts: {@code '…'}, {@code E'…'} (backslash escapes), {@code U&'…'} and dollar quoting
 * ({@code $$…$$}, {@code $tag$…$tag$}). An unterminated value is masked to the end of the text.
 */
public final class Redaction {

    private static final String MASK = "***";
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)\\S*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)\\b((?:ssl)?password|user)(\"?\\s*[=:]\\s*)('(?:[^'\\\\]|\\\\.|'')*'?|\"(?:[^\"\\\\]|\\\\.)*\"?|[^&;\\s]*)");
    private static final Pattern SQL_PASSWORD = Pattern.compile("(?is)\\b(PASSWORD\\s+)(?:E'(?:[^'\\\\]|\\\\.|'')*'?"
            + "|(?:U&)?'(?:[^']|'')*'?|\\$((?:[a-z_][a-z0-9_]*)?)\\$.*?(?:\\$\\2\\$|\\z))");
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Redaction() {
    }

    /** Registers a configured secret (a password), so it is masked wherever it appears, raw or percent-encoded. */
    public static void protect(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
            SECRETS.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            SECRETS.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    /** {@code text} with credentials replaced by {@code ***}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : SECRETS) {
            redacted = redacted.replace(secret, MASK);
        }
        redacted = URL_USER_INFO.matcher(redacted).replaceAll("$1" + MASK + "@");
        redacted = SQL_PASSWORD.matcher(redacted).replaceAll("$1'" + MASK + "'");
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1$2" + MASK);
    }
}

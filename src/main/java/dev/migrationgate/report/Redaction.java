package dev.migrationgate.report;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that reaches probes, reports and logs: the user-info part of URLs
 * ({@code postgresql://user:secret@host}) and {@code password=} / {@code user=} parameters.
 */
public final class Redaction {

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)\\b(password|user)=[^&;\\s]*");

    private Redaction() {
    }

    /** {@code text} with credentials replaced by {@code ***}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = URL_USER_INFO.matcher(text).replaceAll("$1***@");
        return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1=***");
    }
}

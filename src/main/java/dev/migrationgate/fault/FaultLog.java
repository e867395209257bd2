package dev.migrationgate.fault;

import dev.migrationgate.report.Redaction;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one log text of a failure: a short reference id (which the answer or finding repeats), every exception
 * of the cause chain with its message redacted, and for unexpected errors the innermost frames. Frames carry
 * no messages, so no credential reaches the log through them; the throwable itself is never handed to the
 * logger, whose stack trace would print raw driver messages.
 */
public final class FaultLog {

    private static final int LOGGED_FRAMES = 12;

    private FaultLog() {
    }

    /** A fresh reference id, eight hex digits. */
    public static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code [reference] operation failed (kind)} followed by the redacted chain (and frames when {@code OTHER}). */
    public static String text(String reference, String operation, DatabaseFault fault, Throwable failure) {
        StringBuilder text = new StringBuilder("[").append(reference).append("] ").append(operation)
                .append(" failed (").append(fault.name().toLowerCase(Locale.ROOT)).append(')');
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append("\n  caused by ").append(t.getClass().getName()).append(": ")
                    .append(Redaction.redact(t.getMessage()));
            innermost = t;
        }
        if (fault == DatabaseFault.OTHER) {
            text.append(Arrays.stream(innermost.getStackTrace()).limit(LOGGED_FRAMES)
                    .map(frame -> "\n    at " + frame).collect(Collectors.joining()));
        }
        return text.toString();
    }
}

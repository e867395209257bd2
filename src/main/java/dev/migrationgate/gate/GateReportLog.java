package dev.migrationgate.gate;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Redaction;
import java.util.stream.Collectors;

/** Renders a report for logs and exception messages: one line per finding, credentials redacted. */
public final class GateReportLog {

    private GateReportLog() {
    }

    /** {@code status, phase, durations} on one line. */
    public static String summary(GateReport report) {
        return report.status().label() + " in phase " + report.phase() + ", durations (ms) " + report.durationsMillis()
                + ", " + report.findings().size() + " finding(s)";
    }

    /** The summary followed by one line per finding, with its fix when there is one. */
    public static String details(GateReport report) {
        return summary(report) + report.findings().stream().map(GateReportLog::line)
                .collect(Collectors.joining());
    }

    private static String line(Finding f) {
        return Redaction.redact("\n  " + f.severity() + " " + f.code() + " [" + (f.stage() == null ? "-" : f.stage().label())
                + "] " + f.object() + ": " + f.message() + (f.fix() == null ? "" : "\n    fix: " + f.fix()));
    }
}

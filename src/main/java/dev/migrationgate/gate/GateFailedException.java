package dev.migrationgate.gate;

import dev.migrationgate.report.GateReport;

/** Thrown by {@code enforce}-style calls when the gate does not pass; carries the full report. */
public class GateFailedException extends RuntimeException {

    private final transient GateReport report;

    public GateFailedException(GateReport report) {
        super("Migration gate failed in phase " + report.phase() + ":\n" + GateReportLog.details(report));
        this.report = report;
    }

    public GateReport report() {
        return report;
    }
}

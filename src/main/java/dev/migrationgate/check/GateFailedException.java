package dev.migrationgate.check;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Thrown by {@link SchemaChecks#enforce} when findings block; carries the full report. */
public class GateFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient GateReport report;
    private final transient List<Finding> blocking;

    /** A failure for {@code report}, whose {@code blocking} findings the policy judged blocking. */
    public GateFailedException(GateReport report, List<Finding> blocking) {
        super(summary(Objects.requireNonNull(report, "report"), blocking));
        this.report = report;
        this.blocking = List.copyOf(blocking);
    }

    /** The whole report, warnings and non-blocking findings included. */
    public GateReport report() {
        return report;
    }

    /** The findings that failed the gate. */
    public List<Finding> blocking() {
        return blocking;
    }

    private static String summary(GateReport report, List<Finding> blocking) {
        return "Schema gate failed at " + report.phase() + " with " + blocking.size() + " blocking finding"
                + (blocking.size() == 1 ? "" : "s") + ": "
                + blocking.stream().map(f -> f.code() + " " + f.object()).collect(Collectors.joining("; "));
    }
}

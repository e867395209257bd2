package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The check engine: runs every concern's {@link Check} on one snapshot and turns the findings into a
 * {@link GateReport}, either returned ({@link #evaluate}) or thrown when something blocks
 * ({@link #enforce}). Plain Java, no I/O: the caller inspects the database and decides what to do.
 */
public final class SchemaChecks {

    private final List<Check> checks;
    private final BlockingPolicy policy;
    private final Clock clock;

    /** The four checks (extensions, enums, timestamps, migrations) under the standard policy. */
    public SchemaChecks(Clock clock) {
        this(List.of(new ExtensionsCheck(), new EnumsCheck(), new TimestampsCheck(), new MigrationsCheck()),
                BlockingPolicy.standard(), clock);
    }

    /** Chosen checks under a chosen policy; {@code clock} stamps and times the reports. */
    public SchemaChecks(List<Check> checks, BlockingPolicy policy, Clock clock) {
        this.checks = List.copyOf(checks);
        this.policy = policy;
        this.clock = clock;
    }

    /** The name of the validation phase at {@code stage} in reports: {@code validate-pre-migration}, .... */
    public static String phase(Stage stage) {
        return "validate-" + stage.label();
    }

    /**
     * Every finding of every check, stamped with {@code stage}.
     *
     * @throws IllegalStateException naming the check when one fails; a check that throws is a bug
     */
    public List<Finding> findings(Expectations expectations, CatalogSnapshot snapshot, Stage stage) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            try {
                check.check(expectations, snapshot).forEach(f -> findings.add(f.at(stage)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Running " + check.getClass().getSimpleName() + " at stage "
                        + stage.label() + " failed: " + e.getMessage(), e);
            }
        }
        return findings;
    }

    /**
     * The report of one validation: phase {@link #phase(Stage)}, its duration, every finding, and status
     * FAILED when the policy says a finding blocks, PASSED otherwise.
     */
    public GateReport evaluate(Expectations expectations, CatalogSnapshot snapshot, Stage stage) {
        Instant start = clock.instant();
        List<Finding> findings = findings(expectations, snapshot, stage);
        Instant end = clock.instant();
        return policy.report(phase(stage), Map.of(phase(stage), Duration.between(start, end).toMillis()), findings,
                end);
    }

    /**
     * {@link #evaluate}, throwing when the report failed.
     *
     * @return the passing report, which may still hold warnings and non-blocking errors
     * @throws GateFailedException carrying the report when a finding blocks
     */
    public GateReport enforce(Expectations expectations, CatalogSnapshot snapshot, Stage stage) {
        GateReport report = evaluate(expectations, snapshot, stage);
        if (!report.passed()) {
            throw new GateFailedException(report, policy.blocking(report.findings()));
        }
        return report;
    }
}

package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.report.Concern;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Every finding of every check, placed at {@code stage} with the severity the {@link BlockingPolicy}
     * gives it there. Before migrations every finding counts as introduced by the pending migrations (use
     * {@link #findingsBeforeMigration} to tell them apart); afterwards a blocking schema finding on a
     * database with migrations newer than this build names them, newest first: one of them changed it.
     *
     * @throws IllegalStateException naming the check when one fails; a check that throws is a bug
     */
    public List<Finding> findings(Expectations expectations, CatalogSnapshot snapshot, Stage stage) {
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : run(expectations, snapshot, stage)) {
            findings.add(BlockingPolicy.stamp(finding, stage, stage == Stage.PRE_MIGRATION));
        }
        return stage == Stage.PRE_MIGRATION ? findings : attributed(findings, snapshot.migrations());
    }

    /**
     * The pre-migration findings on {@code planned} (the live snapshot with the pending scripts applied).
     * A finding that the {@code live} database already has (same code, object and message) was not
     * introduced by the pending migrations, which is what the policy needs to tell a newer release's enum
     * label (compatible) from one this version's own scripts would add (refused).
     */
    public List<Finding> findingsBeforeMigration(Expectations expectations, CatalogSnapshot live,
            CatalogSnapshot planned) {
        Set<List<Object>> existing = new HashSet<>();
        run(expectations, live, Stage.PRE_MIGRATION).forEach(f -> existing.add(identity(f)));
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : run(expectations, planned, Stage.PRE_MIGRATION)) {
            findings.add(BlockingPolicy.stamp(finding, Stage.PRE_MIGRATION, !existing.contains(identity(finding))));
        }
        return findings;
    }

    private List<Finding> run(Expectations expectations, CatalogSnapshot snapshot, Stage stage) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            try {
                findings.addAll(check.check(expectations, snapshot));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Running " + check.getClass().getSimpleName() + " at stage "
                        + stage.label() + " failed: " + e.getMessage(), e);
            }
        }
        return findings;
    }

    private static List<Object> identity(Finding finding) {
        return List.of(finding.code(), finding.object(), finding.message());
    }

    private List<Finding> attributed(List<Finding> findings, MigrationHistory history) {
        List<String> newer = history == null ? List.of() : history.migrations().stream()
                .filter(m -> m.state().startsWith("FUTURE_"))
                .map(m -> "V" + m.version() + " " + m.script())
                .toList();
        if (newer.isEmpty()) {
            return findings;
        }
        List<String> newestFirst = new ArrayList<>(newer);
        Collections.reverse(newestFirst);
        String note = " The database has migrations newer than this build, newest first: "
                + String.join(", ", newestFirst) + "; one of them made this change (most likely " + newestFirst.get(0)
                + "), so this version can no longer serve: finish rolling out the newer release.";
        return findings.stream()
                .map(f -> policy.blocks(f) && f.code().concern() != Concern.MIGRATIONS
                        && f.code().concern() != Concern.INFRASTRUCTURE
                        ? new Finding(f.code(), f.severity(), f.stage(), f.object(), f.expected(), f.actual(),
                                f.message() + note, f.fix())
                        : f)
                .toList();
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

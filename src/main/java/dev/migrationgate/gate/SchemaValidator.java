package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.GateFailedException;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.InspectionResult;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine as a plain Java API, no HTTP and no CDI required: inspect the live catalog (three
 * queries plus Flyway's history) and run every check. {@link #validate} returns the report;
 * {@link #enforce} throws it when a finding blocks. The start-up gate and a CLI share it.
 */
public final class SchemaValidator {

    private final Expectations expectations;
    private final JdbcCatalogInspector inspector;
    private final SchemaChecks checks;

    public SchemaValidator(Expectations expectations, JdbcCatalogInspector inspector, SchemaChecks checks) {
        this.expectations = expectations;
        this.inspector = inspector;
        this.checks = checks;
    }

    /** Validates the live database; the report's durations hold the inspection and the checks. */
    public GateReport validate(Stage stage) {
        InspectionResult inspection = inspector.inspect(expectations);
        GateReport checked = checks.evaluate(expectations, inspection.snapshot(), stage);
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("inspect", inspection.duration().toMillis());
        durations.putAll(checked.durationsMillis());
        return new GateReport(checked.status(), checked.phase(), durations, checked.findings(), checked.checkedAt());
    }

    /**
     * {@link #validate}, throwing when the report failed.
     *
     * @throws GateFailedException carrying the report and its blocking findings
     */
    public GateReport enforce(Stage stage) {
        GateReport report = validate(stage);
        if (!report.passed()) {
            throw new GateFailedException(report, BlockingPolicy.standard().blocking(report.findings()));
        }
        return report;
    }
}

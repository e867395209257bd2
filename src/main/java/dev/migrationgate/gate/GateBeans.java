package dev.migrationgate.gate;

import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.ReactiveCatalogInspector;
import dev.migrationgate.report.Stage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java engine pieces into the application. */
@Singleton
public class GateBeans {

    @Produces
    @Singleton
    SchemaChecks schemaChecks(Clock clock) {
        return new SchemaChecks(clock);
    }

    @Produces
    @Singleton
    SchemaValidator schemaValidator(Expectations expectations, JdbcCatalogInspector inspector, SchemaChecks checks) {
        return new SchemaValidator(expectations, inspector, checks);
    }

    /**
     * Readiness re-validation: the reactive snapshot of the live catalog and Flyway's history (one round trip
     * while nothing changed), checked.
     */
    @Produces
    @Singleton
    RuntimeValidation runtimeValidation(ReactiveCatalogInspector inspector, SchemaChecks checks,
            Expectations expectations, GateConfig config, Clock clock) {
        return new RuntimeValidation(
                () -> inspector.snapshot(expectations)
                        .map(snapshot -> checks.evaluate(expectations, snapshot, Stage.RUNTIME))
                        .subscribeAsCompletionStage(),
                config.cacheTtl(), config.checkTimeout(), clock);
    }
}

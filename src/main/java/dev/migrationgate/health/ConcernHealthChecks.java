package dev.migrationgate.health;

import dev.migrationgate.report.Concern;
import io.smallrye.health.api.AsyncHealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness checks {@code gate-extensions}, {@code gate-enums}, {@code gate-timestamps} and
 * {@code gate-migrations}: each DOWN while its concern has a blocking finding, with the codes in
 * {@code data.codes}. They differ only by concern, so they are produced here rather than written four times.
 */
@ApplicationScoped
public class ConcernHealthChecks {

    @Produces
    @Readiness
    @ApplicationScoped
    AsyncHealthCheck extensions(GateReadiness readiness) {
        return () -> readiness.response(Concern.EXTENSIONS);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    AsyncHealthCheck enums(GateReadiness readiness) {
        return () -> readiness.response(Concern.ENUMS);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    AsyncHealthCheck timestamps(GateReadiness readiness) {
        return () -> readiness.response(Concern.TIMESTAMPS);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    AsyncHealthCheck migrations(GateReadiness readiness) {
        return () -> readiness.response(Concern.MIGRATIONS);
    }
}

package dev.migrationgate.expect;

import dev.migrationgate.gate.GateConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hibernate.SessionFactory;

/**
 * Derives the application's {@link Expectations} once, at start-up, from Quarkus's Hibernate ORM
 * persistence unit and the {@code gate.extensions.*} configuration; an invalid extension list fails
 * start-up rather than the first check.
 */
@Singleton
public class ExpectationsProducer {

    @Produces
    @Singleton
    @Startup
    Expectations expectations(SessionFactory sessionFactory, GateConfig config) {
        return ModelExpectations.derive(sessionFactory,
                ExtensionRequirements.parse(config.extensions().required(), config.extensions().optional()));
    }
}

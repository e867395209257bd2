package dev.migrationgate.expect;

import dev.migrationgate.gate.GateConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;

/**
 * Derives the application's {@link Expectations} once, at start-up, from Quarkus's Hibernate ORM
 * persistence unit and the {@code gate.extensions.*} configuration; an invalid extension list fails
 * start-up rather than the first check.
 */
@Singleton
public class ExpectationsProducer {

    /**
     * Test device, unset in every real deployment: {@code type=label} entries appended to the labels Java
     * persists into a named enum type, as if this build's enum declared them. The two-version rollout test
     * builds "the next release" from the packaged jar with it and extra migrations, since a second build of
     * the Java code is out of reach of a test.
     */
    static final String EXTRA_MAPPED_LABELS = "migration-gate.test.extra-mapped-labels";

    @Produces
    @Singleton
    @Startup
    Expectations expectations(SessionFactory sessionFactory, GateConfig config,
            @ConfigProperty(name = EXTRA_MAPPED_LABELS) Optional<List<String>> extraLabels) {
        Expectations derived = ModelExpectations.derive(sessionFactory,
                ExtensionRequirements.parse(config.extensions().required(), config.extensions().optional()));
        return extraLabels.map(entries -> withExtraLabels(derived, entries)).orElse(derived);
    }

    /** {@code expectations} with each {@code type=label} entry's label added to that named enum type. */
    static Expectations withExtraLabels(Expectations expectations, List<String> entries) {
        List<EnumExpectation> enums = new ArrayList<>();
        for (EnumExpectation e : expectations.enums()) {
            List<String> labels = new ArrayList<>(e.labels());
            for (String entry : entries) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(EXTRA_MAPPED_LABELS + " entry '" + entry + "' is not type=label");
                }
                if (e.enumType().map(entry.substring(0, eq).trim()::equals).orElse(false)) {
                    labels.add(entry.substring(eq + 1).trim());
                }
            }
            enums.add(new EnumExpectation(e.entity(), e.attribute(), e.table(), e.column(), e.javaType(), e.storage(),
                    e.enumType(), labels));
        }
        return new Expectations(enums, expectations.temporals(), expectations.extensions(), expectations.tables());
    }
}

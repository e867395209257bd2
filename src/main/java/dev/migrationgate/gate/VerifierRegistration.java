package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adds the {@link MigrationVerifier} to Quarkus's Flyway, after whatever callbacks are configured, so every
 * {@code quarkus.flyway.*} key still applies and every migrate of that bean is verified before commit.
 */
@Singleton
public class VerifierRegistration implements FlywayConfigurationCustomizer {

    private final MigrationVerifier verifier;

    VerifierRegistration(Provider<Expectations> expectations, SchemaChecks checks, GateConfig config) {
        this.verifier = new MigrationVerifier(expectations::get, checks, BlockingPolicy.standard(),
                config.allowUnverifiedMigrations());
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] configured = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(configured, configured.length + 1);
        callbacks[configured.length] = verifier;
        configuration.callbacks(callbacks);
    }
}

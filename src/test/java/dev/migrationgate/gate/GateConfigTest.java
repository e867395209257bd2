package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code gate.mode} as the application reads it: the allowed values, and an unknown value refused while
 * the configuration is read (before the gate or Flyway run), naming the key and the allowed values.
 */
class GateConfigTest {

    @Test
    void modeDefaultsToMigrateAndAcceptsVerify() {
        assertEquals(GateConfig.Mode.MIGRATE, config(Map.of()).mode());
        assertEquals(GateConfig.Mode.VERIFY, config(Map.of("gate.mode", "verify")).mode());
    }

    @Test
    void anUnknownModeIsRefusedNamingTheKeyAndTheAllowedValues() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> config(Map.of("gate.mode", "sideways")));
        String message = String.valueOf(refused.getMessage()) + causes(refused);
        assertTrue(message.contains("gate.mode") && message.contains("sideways"), message);
        for (String allowed : new String[] {"migrate", "verify", "rehearse"}) {
            assertTrue(message.contains(allowed), allowed + " in: " + message);
        }
    }

    @Test
    void verifyWithMigrateAtStartIsRefusedWhenTheSettingIsRead() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withInterceptors(new ModeConfigInterceptor())
                .withSources(new PropertiesConfigSource(Map.of("gate.mode", "Verify",
                        "quarkus.flyway.migrate-at-start", "true"), "test", 100))
                .build();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> config.getValue("quarkus.flyway.migrate-at-start", Boolean.class));
        assertTrue(refused.getMessage().startsWith("gate.mode=verify contradicts quarkus.flyway.migrate-at-start=true"),
                refused.getMessage());
        SmallRyeConfig migrate = new SmallRyeConfigBuilder()
                .withInterceptors(new ModeConfigInterceptor())
                .withSources(new PropertiesConfigSource(Map.of("quarkus.flyway.migrate-at-start", "true"), "test", 100))
                .build();
        assertTrue(migrate.getValue("quarkus.flyway.migrate-at-start", Boolean.class), "migrate mode may migrate at start");
    }

    private static GateConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(GateConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(GateConfig.class);
    }

    private static String causes(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            all.append(" / ").append(cause.getMessage());
        }
        return all.toString();
    }
}

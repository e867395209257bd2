package dev.migrationgate.gate;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Locale;

/**
 * Refuses {@code gate.mode=verify} together with {@code quarkus.flyway.migrate-at-start=true} while the
 * configuration is read, before Quarkus's Flyway could migrate at start: a pod meant never to run DDL
 * must not migrate through the back door. Registered through {@code META-INF/services}.
 */
public class ModeConfigInterceptor implements ConfigSourceInterceptor {

    static final String MIGRATE_AT_START = "quarkus.flyway.migrate-at-start";
    static final String MODE = "gate.mode";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (MIGRATE_AT_START.equals(name) && value != null && value.getValue() != null
                && Boolean.parseBoolean(value.getValue().trim())) {
            ConfigValue mode = context.proceed(MODE);
            if (mode != null && mode.getValue() != null
                    && mode.getValue().trim().toLowerCase(Locale.ROOT).equals("verify")) {
                throw new IllegalStateException("gate.mode=verify contradicts " + MIGRATE_AT_START + "=true (set in "
                        + value.getConfigSourceName() + "): verify mode never migrates, the migration Job does."
                        + " Remove " + MIGRATE_AT_START + " (or set it to false), or use gate.mode=migrate.");
            }
        }
        return value;
    }
}

package dev.migrationgate.report;

import dev.migrationgate.inspect.ConnectionUrls;
import io.smallrye.config.SecretKeys;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Registers with {@link Redaction} every secret the application is configured with, read from the
 * configuration exactly as Quarkus sees it (every source: system properties, environment, {@code .env},
 * {@code application.properties}, {@code quarkus.config.locations}, the active profile): the value of every
 * key naming a password, secret or token, and the passwords in the datasource URLs.
 */
public final class ConfiguredSecrets {

    /**
     * Keys whose values are secrets: {@code quarkus.datasource.password} and every named datasource's,
     * {@code quarkus.flyway.password}, {@code quarkus.oidc.credentials.client-secret.value}, Flyway
     * placeholders such as {@code quarkus.flyway.placeholders.secret_key} (a migration's text, placeholders
     * filled in, reaches the log when it fails), and environment variables such as {@code DB_PASSWORD}.
     */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|token");
    /**
     * Keys that are a password themselves, ending in {@code password} ({@code …datasource.password},
     * {@code DB_PASSWORD}, {@code PGPASSWORD}, {@code javax.net.ssl.keyStorePassword}, pgjdbc's
     * {@code sslpassword}): their value is masked whatever it is, digits included.
     */
    private static final Pattern PASSWORD_KEY = Pattern.compile("(?i)password\"?$");
    /**
     * Values that cannot be secrets under the other keys, a boolean or a number ({@code …secrets.enabled=true},
     * {@code X_TOKEN_TTL=60}): masking them would blank every "true" or "60" in the log.
     */
    private static final Pattern NOT_A_SECRET = Pattern.compile("(?i)true|false|[0-9]+");

    private ConfiguredSecrets() {
    }

    /**
     * Registers the secrets of {@code config}, keys SmallRye keeps locked as secrets included. A value that
     * cannot be expanded (an expression naming a key set nowhere, or a recursive one) is left out: Quarkus
     * refuses it when it reads that key. Any other failure stops logging, so start-up, from going on.
     */
    public static void protect(Config config) {
        SecretKeys.doUnlocked(() -> {
            for (String name : config.getPropertyNames()) {
                if (SECRET_NAME.matcher(name).find()) {
                    boolean password = PASSWORD_KEY.matcher(name).find();
                    configured(config, name).filter(value -> password || !NOT_A_SECRET.matcher(value).matches())
                            .ifPresent(Redaction::protect);
                }
            }
            ConnectionUrls.passwords(configured(config, ConnectionUrls.JDBC_KEY).orElse(null),
                    configured(config, ConnectionUrls.REACTIVE_KEY).orElse(null)).forEach(Redaction::protect);
        });
    }

    /**
     * The value of {@code name}, expressions expanded, when a source of the application's set it. The defaults
     * of Quarkus's and the libraries' own keys (sources with a negative ordinal) are left out: none is a secret,
     * and some are words the log needs, such as {@code j_password} or {@code password}.
     */
    private static Optional<String> configured(Config config, String name) {
        try {
            ConfigValue value = config.getConfigValue(name);
            return value.getValue() == null || value.getSourceOrdinal() < 0 ? Optional.empty()
                    : Optional.of(value.getValue());
        } catch (NoSuchElementException | IllegalArgumentException unexpandable) {
            return Optional.empty();
        }
    }
}

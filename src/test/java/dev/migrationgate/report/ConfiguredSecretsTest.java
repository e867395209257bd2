package dev.migrationgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which configured values become secrets the log never shows. */
class ConfiguredSecretsTest {

    @Test
    void everyValueWhoseKeyNamesAPasswordSecretOrTokenIsMaskedFromThenOn() {
        String unique = "-" + System.nanoTime();
        ConfiguredSecrets.protect(config(Map.of(
                "quarkus.flyway.placeholders.app-password", "placeholder" + unique,
                "quarkus.datasource.\"audit\".password", "named" + unique,
                "DB_PASSWORD", "environment" + unique,
                "quarkus.oidc.credentials.secret", "secret" + unique,
                "api.token", "token" + unique,
                "quarkus.flyway.placeholders.admin-password", "${NOT_SET_ANYWHERE}",
                "quarkus.flyway.placeholders.schema", "visible" + unique,
                "quarkus.oidc.credentials.client-secret.value", "client" + unique,
                "quarkus.flyway.placeholders.secret_key", "key" + unique)));
        ConfiguredSecrets.protect(config(Map.of("feature.secrets.enabled", "true", "X_TOKEN_TTL", "60")));

        String redacted = Redaction.redact("CREATE ROLE a PASSWORD md5 placeholder" + unique + " named" + unique
                + " environment" + unique + " secret" + unique + " token" + unique + " visible" + unique
                + " client" + unique + " key" + unique + " enabled=true ttl=60");

        assertEquals("CREATE ROLE a PASSWORD md5 *** *** *** *** *** visible" + unique + " *** *** enabled=true ttl=60",
                redacted, "a boolean or a number is no secret under a key that only mentions one");
    }

    @Test
    void aPasswordOfDigitsIsStillAPassword() {
        String digits = String.valueOf(System.nanoTime());
        String more = String.valueOf(System.nanoTime() + 1);
        String store = String.valueOf(System.nanoTime() + 2);
        ConfiguredSecrets.protect(config(Map.of("quarkus.datasource.password", digits, "DB_PASSWORD", more,
                "javax.net.ssl.keyStorePassword", store, "quarkus.oidc.token.lifespan", "3600")));

        assertEquals("login *** and *** with *** after 3600 s", Redaction.redact("login " + digits + " and " + more
                + " with " + store + " after 3600 s"));
    }

    @Test
    void passwordsInTheDatasourceUrlsAreSecretsToo() {
        String unique = "url" + System.nanoTime();
        ConfiguredSecrets.protect(config(Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://db:5432/app?password=" + unique)));

        assertEquals("echo ***", Redaction.redact("echo " + unique));
    }

    @Test
    void defaultsOfQuarkusAndLibraryKeysAreNoSecrets() {
        String unique = "j_password" + System.nanoTime();
        ConfiguredSecrets.protect(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("quarkus.http.auth.form.password-parameter", unique), "defaults", Integer.MIN_VALUE)).build());

        assertEquals("form field " + unique, Redaction.redact("form field " + unique));
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 400)).build();
    }
}

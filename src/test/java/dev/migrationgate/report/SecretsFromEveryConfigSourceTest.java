package dev.migrationgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.gate.GateScenarios;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * In the running application, the log's redaction knows the secrets of every configuration source Quarkus
 * reads, including a file named by {@code quarkus.config.locations} ({@link GateScenarios.Ready#SECRETS_FILE}),
 * which the entry point's early reading of the configuration never saw.
 */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class SecretsFromEveryConfigSourceTest {

    @Test
    void secretsOfAConfigLocationsFileAreMasked() {
        String token = ConfigProvider.getConfig().getValue("quarkus.flyway.placeholders.api_token", String.class);
        String digits = ConfigProvider.getConfig().getValue("webhook.password", String.class);
        assertEquals("token-only-in-a-config-locations-file", token, "the file was read through config.locations");

        assertEquals("SELECT notify('***', '***')", Redaction.redact("SELECT notify('" + token + "', '" + digits + "')"));
    }

    @Test
    void defaultValuesOfQuarkusKeysAreNotMasked() {
        assertEquals("the form fields j_username and j_password", Redaction.redact(
                "the form fields j_username and j_password"), "quarkus.http.auth.form.password-parameter's default");
    }
}

package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the entry point reads before Quarkus starts: init-and-exit in every spelling, and refused URLs. */
class GateMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "YES", "on", "On", "y"})
    void everySpellingSmallRyeReadsAsTrueRequestsInitAndExit(String value) {
        assertTrue(GateMain.initAndExitRequested(config(Map.of(GateMain.INIT_AND_EXIT, value))), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "no", "off"})
    void falseSpellingsDoNot(String value) {
        assertFalse(GateMain.initAndExitRequested(config(Map.of(GateMain.INIT_AND_EXIT, value))), value);
    }

    @Test
    void startupConfigReadsApplicationPropertiesLikeQuarkus() {
        SmallRyeConfig config = GateMain.startupConfig();
        assertEquals("9000", config.getRawValue("quarkus.management.port"),
                "a key set only in application.properties is seen, so init-and-exit set there works too");
        assertFalse(GateMain.initAndExitRequested(config));
    }

    @Test
    void ambiguousUrlIsRefusedNamingTheKeyWithoutTheUrl() {
        String refusal = GateMain.refusal(config(Map.of("quarkus.datasource.reactive.url",
                "postgresql://app:p@ss@db:5432/app"))).orElseThrow();
        assertTrue(refusal.startsWith("quarkus.datasource.reactive.url"), refusal);
        assertFalse(refusal.contains("p@ss"), refusal);
    }

    @Test
    void startupConfigReadsTheFilesOfConfigLocationsLikeQuarkus() throws IOException {
        Path file = Files.createTempFile("gate-main-test-", ".properties");
        try {
            Files.writeString(file, "quarkus.init-and-exit=true\ngate.mode=rehearse\n");
            SmallRyeConfig config = GateMain.startupConfig(new PropertiesConfigSource(
                    Map.of("quarkus.config.locations", file.toUri().toString()), "test", 400));

            assertTrue(GateMain.initAndExitRequested(config), "a Job configured there must still run the gate once");
            assertTrue(GateMain.rehearsalRequested(config));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void startupConfigReadsTheDotEnvFileOfTheWorkingDirectoryLikeQuarkus() throws IOException {
        Path dotEnv = Path.of(".env");
        assumeFalse(Files.exists(dotEnv), "a .env of the developer's in the working directory is left alone");
        Files.writeString(dotEnv, "GATE_MAIN_TEST_DOTENV_PASSWORD=from-dotenv\n");
        try {
            assertEquals("from-dotenv", GateMain.startupConfig().getRawValue("GATE_MAIN_TEST_DOTENV_PASSWORD"));
        } finally {
            Files.delete(dotEnv);
        }
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return ConfigUtils.emptyConfigBuilder(LaunchMode.NORMAL)
                .withSources(new PropertiesConfigSource(values, "test", 400)).build();
    }
}

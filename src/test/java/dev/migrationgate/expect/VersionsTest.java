package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void comparesComponentsNumerically() {
        assertTrue(Versions.compare("1.10", "1.9") > 0);
        assertTrue(Versions.compare("0.8.0", "0.10.0") < 0);
        assertTrue(Versions.compare("2", "1.99") > 0);
        assertTrue(Versions.compare("1.02", "1.10") < 0);
    }

    @Test
    void treatsMissingComponentsAsZero() {
        assertEquals(0, Versions.compare("0.8", "0.8.0"));
        assertTrue(Versions.atLeast("1.3", "1.3"));
        assertFalse(Versions.atLeast("1.2.9", "1.3"));
    }

    @Test
    void sortsPreReleaseSuffixesBeforeTheRelease() {
        assertTrue(Versions.compare("1.0beta1", "1.0") < 0);
        assertTrue(Versions.compare("1.0beta2", "1.0beta1") > 0);
        assertTrue(Versions.compare("1.1beta", "1.0") > 0);
    }
}

package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionRequirementsTest {

    @Test
    void defaultListsParseIntoRequiredThenOptional() {
        assertEquals(List.of(new ExtensionRequirement("uuid-ossp", Optional.empty(), true),
                new ExtensionRequirement("pgcrypto", Optional.empty(), true),
                new ExtensionRequirement("vector", Optional.empty(), false)),
                ExtensionRequirements.parse(List.of("uuid-ossp", "pgcrypto"), List.of("vector")));
    }

    @Test
    void versionFloorIsKept() {
        assertEquals(List.of(new ExtensionRequirement("pgcrypto", Optional.of("1.3"), true),
                new ExtensionRequirement("vector", Optional.of("0.8.0"), false)),
                ExtensionRequirements.parse(List.of(" pgcrypto >= 1.3 "), List.of("vector>=0.8.0")));
    }

    @Test
    void invalidNamesAreRejectedNamingTheKeyAndTheEntry() {
        for (String entry : List.of("uuid ossp", "x;drop", "\"pgcrypto\"", "1vector", "")) {
            String message = rejected(List.of("pgcrypto", entry), List.of());
            assertTrue(message.contains("gate.extensions.required") && message.contains("'" + entry + "'"), message);
            String optional = rejected(List.of(), List.of(entry));
            assertTrue(optional.contains("gate.extensions.optional") && optional.contains("'" + entry + "'"), optional);
        }
    }

    @Test
    void badVersionFloorsAreRejectedNamingTheKey() {
        for (String entry : List.of("vector>=", "vector>=1.x", "vector>1.0", "vector=1.0", "vector>=v1",
                "vector>=1.")) {
            String message = rejected(List.of(), List.of(entry));
            assertTrue(message.contains("gate.extensions.optional") && message.contains("'" + entry + "'"), message);
        }
    }

    @Test
    void extensionInBothListsIsRequiredWithTheRequiredFloor() {
        List<ExtensionRequirement> parsed = ExtensionRequirements.parse(List.of("uuid-ossp", "vector>=0.7"),
                List.of("vector", "citext"));
        assertEquals(List.of("uuid-ossp", "vector", "citext"), parsed.stream().map(ExtensionRequirement::name).toList());
        assertEquals(List.of(true, true, false), parsed.stream().map(ExtensionRequirement::required).toList());
        assertEquals(java.util.Optional.of("0.7"), parsed.get(1).minimumVersion());
    }

    @Test
    void noneStandsForAnEmptyList() {
        assertEquals(List.of("uuid-ossp"), ExtensionRequirements.parse(List.of("uuid-ossp"), List.of("none"))
                .stream().map(ExtensionRequirement::name).toList());
        assertEquals(List.of(), ExtensionRequirements.parse(List.of("none"), List.of("none")));
    }

    @Test
    void extensionListedTwiceInOneListIsRejectedNamingTheKey() {
        assertEquals("Extension 'pgcrypto' is listed twice in gate.extensions.required: list it once",
                rejected(List.of("pgcrypto", "uuid-ossp", "pgcrypto>=1.3"), List.of()));
        assertEquals("Extension 'vector' is listed twice in gate.extensions.optional: list it once",
                rejected(List.of(), List.of("vector", " vector ")));
    }

    private static String rejected(List<String> required, List<String> optional) {
        return assertThrows(IllegalArgumentException.class, () -> ExtensionRequirements.parse(required, optional))
                .getMessage();
    }
}

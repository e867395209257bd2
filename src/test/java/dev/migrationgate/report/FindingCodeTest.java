package dev.migrationgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Finding codes are a public contract: each names one problem, no two share a name or a meaning, and
 * every code the design document promises exists with the concern and severity it states.
 */
class FindingCodeTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/migrationgate/report/FindingCode.java");
    private static final Path ARCHITECTURE = Path.of("../shared/ARCHITECTURE.md");
    private static final Pattern DOCUMENTED_CONSTANT = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*\\(", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`(\\s*\\(warning)?");

    @Test
    void everyCodeHasADistinctNameWithinItsConcern() {
        Set<String> keys = Arrays.stream(FindingCode.values()).map(c -> c.concern() + "/" + c.name())
                .collect(Collectors.toSet());
        Set<String> names = Arrays.stream(FindingCode.values()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertEquals(FindingCode.values().length, keys.size());
        assertEquals(FindingCode.values().length, names.size(), "names differing only by case");
    }

    @Test
    void everyCodeHasItsOwnJavadocMeaning() throws IOException {
        Map<String, String> meanings = new LinkedHashMap<>();
        Matcher m = DOCUMENTED_CONSTANT.matcher(Files.readString(SOURCE));
        while (m.find()) {
            meanings.put(m.group(2), m.group(1).replaceAll("\\s*\\*\\s*", " ").replaceAll("\\s+", " ").trim()
                    .toLowerCase(Locale.ROOT));
        }
        for (FindingCode code : FindingCode.values()) {
            assertTrue(meanings.containsKey(code.name()) && !meanings.get(code.name()).isEmpty(),
                    code + " has no Javadoc line stating its meaning");
        }
        Map<String, String> seen = new HashMap<>();
        meanings.forEach((code, meaning) -> {
            String other = seen.putIfAbsent(meaning, code);
            assertTrue(other == null, code + " and " + other + " share the meaning \"" + meaning + "\"");
        });
    }

    @Test
    void everyCodeOfTheDesignExistsWithItsConcernAndSeverity() throws IOException {
        assumeTrue(Files.exists(ARCHITECTURE), "../shared/ARCHITECTURE.md is absent (a checkout outside the shared"
                + " workspace): nothing to compare the codes with");
        String document = Files.readString(ARCHITECTURE);
        int start = document.indexOf("Finding codes");
        assertTrue(start >= 0, "ARCHITECTURE.md has no 'Finding codes' section");
        int end = document.indexOf("\n## ", start);
        String section = document.substring(start, end < 0 ? document.length() : end);
        Map<String, Concern> concerns = Map.of("extensions", Concern.EXTENSIONS, "enums", Concern.ENUMS,
                "timestamps", Concern.TIMESTAMPS, "migrations", Concern.MIGRATIONS,
                "infrastructure", Concern.INFRASTRUCTURE);
        Set<String> names = Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toSet());
        Set<Concern> documented = new HashSet<>();
        for (String item : section.split("\n- ")) {
            int colon = item.indexOf(':');
            Concern concern = colon < 0 ? null : concerns.get(item.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            if (concern == null) {
                continue;
            }
            Matcher m = CODE.matcher(item);
            while (m.find()) {
                String name = m.group(1);
                documented.add(concern);
                assertTrue(names.contains(name), "ARCHITECTURE.md promises " + name + ", which FindingCode lacks");
                FindingCode code = FindingCode.valueOf(name);
                assertEquals(concern, code.concern(), name + "'s concern");
                assertEquals(m.group(2) != null ? Severity.WARNING : Severity.ERROR, code.defaultSeverity(),
                        name + "'s default severity");
            }
        }
        assertEquals(Set.of(Concern.values()), documented, "concerns whose codes ARCHITECTURE.md lists");
    }
}

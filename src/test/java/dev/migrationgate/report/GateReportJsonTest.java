package dev.migrationgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationgate.check.BlockingPolicy;
import java.util.ArrayList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's JSON is the public contract of {@code GET /q/gate}: field names and values exactly. */
class GateReportJsonTest {

    private static final String CONTRACT = "{"
            + "\"status\":\"failed\","
            + "\"phase\":\"validate-post-migration\","
            + "\"durationsMillis\":{\"connect\":12,\"validate-post-migration\":3},"
            + "\"findings\":["
            + "{\"code\":\"ENUM_CASE_MISMATCH\",\"severity\":\"ERROR\",\"stage\":\"post-migration\","
            + "\"object\":\"userrole\",\"expected\":\"'admin'\",\"actual\":\"'ADMIN'\","
            + "\"message\":\"Enum type \\\"userrole\\\" holds 'ADMIN'.\","
            + "\"fix\":\"ALTER TYPE \\\"public\\\".\\\"userrole\\\" RENAME VALUE 'ADMIN' TO 'admin';\"},"
            + "{\"code\":\"MIGRATION_PENDING\",\"severity\":\"ERROR\",\"stage\":\"runtime\","
            + "\"object\":\"V2 V2__more.sql\",\"expected\":\"applied\",\"actual\":\"pending\","
            + "\"message\":\"V2 V2__more.sql has not been applied yet.\",\"fix\":null},"
            + "{\"code\":\"TIMESTAMP_SESSION_TZ\",\"severity\":\"WARNING\",\"stage\":\"pre-migration\","
            + "\"object\":\"TimeZone\",\"expected\":\"UTC\",\"actual\":\"session Europe/Berlin, default UTC\","
            + "\"message\":\"Start the JVM with -Duser.timezone=UTC.\",\"fix\":null}"
            + "],"
            + "\"checkedAt\":\"2025-03-01T12:00:00Z\""
            + "}";

    private static GateReport report() {
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("connect", 12L);
        durations.put("validate-post-migration", 3L);
        return BlockingPolicy.standard().report("validate-post-migration", durations, List.of(
                Finding.of(FindingCode.TIMESTAMP_SESSION_TZ, "TimeZone", "UTC", "session Europe/Berlin, default UTC",
                        "Start the JVM with -Duser.timezone=UTC.", null).at(Stage.PRE_MIGRATION),
                Finding.of(FindingCode.MIGRATION_PENDING, "V2 V2__more.sql", "applied", "pending",
                        "V2 V2__more.sql has not been applied yet.", null).at(Stage.RUNTIME),
                Finding.of(FindingCode.ENUM_CASE_MISMATCH, "userrole", "'admin'", "'ADMIN'",
                        "Enum type \"userrole\" holds 'ADMIN'.",
                        "ALTER TYPE \"public\".\"userrole\" RENAME VALUE 'ADMIN' TO 'admin';").at(Stage.POST_MIGRATION)),
                Instant.parse("2025-03-01T12:00:00Z"));
    }

    static List<Arguments> mappers() {
        return List.of(
                Arguments.of("plain", new ObjectMapper()),
                Arguments.of("like Quarkus (Java time module, ISO dates)", new ObjectMapper().findAndRegisterModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)),
                Arguments.of("with modules, dates as timestamps", new ObjectMapper().findAndRegisterModules()),
                Arguments.of("omitting nulls by default", new ObjectMapper()
                        .setSerializationInclusion(JsonInclude.Include.NON_NULL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void serialisesToTheContractWithEveryFieldNamedAndNullFixesKept(String name, ObjectMapper mapper)
            throws Exception {
        assertEquals(CONTRACT, mapper.writeValueAsString(report()));
    }

    @Test
    void namesEveryFindingFieldOfTheContractAndNothingElse() throws Exception {
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report())).get("findings").get(0)
                .fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("code", "severity", "stage", "object", "expected", "actual", "message", "fix"), fields);
    }

    @Test
    void writesStagesAndStatusesAsTheirContractLabels() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("[\"pre-migration\",\"post-migration\",\"runtime\"]", mapper.writeValueAsString(Stage.values()));
        assertEquals("[\"running\",\"passed\",\"failed\"]", mapper.writeValueAsString(GateStatus.values()));
    }
}

package dev.migrationgate.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;

/** A parsed {@code GET /q/gate} answer: status, phase and the finding codes with their objects. */
public record GateReportAnswer(String status, String phase, List<String> findings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code answer}; a non-report answer (not up yet, an error) has status {@code "none"}. */
    public static GateReportAnswer of(AppProcess.Response answer) {
        if (answer.status() != 200) {
            return new GateReportAnswer("none", "none", List.of());
        }
        try {
            JsonNode root = JSON.readTree(answer.body());
            List<String> findings = StreamSupport.stream(root.path("findings").spliterator(), false)
                    .map(f -> f.path("code").asText() + " " + f.path("object").asText())
                    .toList();
            return new GateReportAnswer(root.path("status").asText(), root.path("phase").asText(), findings);
        } catch (JsonProcessingException e) {
            throw new AssertionError("GET /q/gate answered no report: " + answer, e);
        }
    }

    /** True once the report says the gate finished with {@code status} ({@code passed} or {@code failed}). */
    public static boolean hasStatus(AppProcess.Response answer, String status) {
        return of(answer).status().equals(status);
    }
}

package dev.migrationgate.report;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a gate run or a re-validation: status, the phase reached, how long each phase took
 * (milliseconds, in phase order), and every finding. Serialises to the JSON of the public contract with
 * any Jackson mapper; {@code checkedAt} as ISO-8601 ({@code 2025-03-01T12:00:00Z}) even without the
 * Java time module. Its status is derived by the gate's {@code BlockingPolicy} (its {@code report} method),
 * or is the gate's lifecycle status while it runs; nothing here decides it.
 */
public record GateReport(GateStatus status, String phase, Map<String, Long> durationsMillis,
        List<Finding> findings, @JsonSerialize(using = ToStringSerializer.class) Instant checkedAt) {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.severity())
            .thenComparing(f -> f.code())
            .thenComparing(Finding::object);

    public GateReport {
        durationsMillis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(durationsMillis));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
    }

    public boolean passed() {
        return status == GateStatus.PASSED;
    }

    /** The findings of one concern, in report order. */
    public List<Finding> findings(Concern concern) {
        return findings.stream().filter(f -> f.code().concern() == concern).toList();
    }
}

package dev.migrationgate.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One problem found in the database: a stable code, its severity, when it was found, the object it
 * concerns ({@code userrole}, {@code users.created_at}), what was expected and found, a one-line
 * message and, where a safe one exists, the repair SQL. In JSON every field is always present
 * ({@code fix} is {@code null} when there is no safe repair), whatever the mapper's inclusion default.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Finding(FindingCode code, Severity severity, Stage stage, String object, String expected,
        String actual, String message, String fix) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A finding with the code's default severity, not yet placed at a stage; checks create these and
     * the engine stamps the stage with {@link #at(Stage)}.
     */
    public static Finding of(FindingCode code, String object, String expected, String actual, String message,
            String fix) {
        return new Finding(code, code.defaultSeverity(), null, object, expected, actual, message, fix);
    }

    /** This finding, found at {@code stage}. */
    public Finding at(Stage stage) {
        return new Finding(code, severity, stage, object, expected, actual, message, fix);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}

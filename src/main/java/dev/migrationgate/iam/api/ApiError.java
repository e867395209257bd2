package dev.migrationgate.iam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of every 4xx answer of the API: what went wrong, which field, and where a closed
 * set of values applies, which values are allowed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<FieldError> fields) {

    /** One rejected field, by its JSON name. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message, List<String> allowed) {
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    public static ApiError forField(String error, String field, String message, List<String> allowed) {
        return new ApiError(error, message, List.of(new FieldError(field, message, allowed)));
    }
}

package dev.migrationgate.iam.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Validates request bodies and refuses them with every violated field named at once. */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** Returns {@code body} when valid; otherwise throws a 400 naming each invalid field. */
    public <T> T valid(T body) {
        if (body == null) {
            throw new ApiException(Status.BAD_REQUEST, ApiError.of("missing_body", "A JSON request body is required"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (violations.isEmpty()) {
            return body;
        }
        List<ApiError.FieldError> fields = violations.stream()
                .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(), v.getMessage(), List.of()))
                .sorted(Comparator.comparing(ApiError.FieldError::field))
                .toList();
        String message = fields.stream().map(f -> f.field() + " " + f.message())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        throw new ApiException(Status.BAD_REQUEST, new ApiError("invalid_field", message, fields));
    }
}

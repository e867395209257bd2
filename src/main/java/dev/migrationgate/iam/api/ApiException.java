package dev.migrationgate.iam.api;

import jakarta.ws.rs.core.Response.Status;

/** A request the API refuses, carrying the status and the {@link ApiError} body to answer with. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ApiError body;

    public ApiException(Status status, ApiError body) {
        this(status.getStatusCode(), body);
    }

    public ApiException(int status, ApiError body) {
        super(body.message());
        this.status = status;
        this.body = body;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(Status.NOT_FOUND, ApiError.of("not_found", what + " " + id + " does not exist"));
    }

    public static ApiException unknownReference(String field, Object id) {
        return new ApiException(422, ApiError.forField("unknown_reference", field,
                field + " " + id + " does not exist", java.util.List.of()));
    }

    /** Parses a UUID taken from the request, refusing a malformed one with a 400 naming {@code field}. */
    public static java.util.UUID parseId(String field, String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST, ApiError.forField("invalid_field", field,
                    field + " '" + value + "' is not a UUID", java.util.List.of()));
        }
    }

    /** 403: the caller is authenticated but their role does not allow this. */
    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN, ApiError.of("forbidden", message));
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(Status.CONFLICT, ApiError.forField("conflict", field, message, java.util.List.of()));
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}

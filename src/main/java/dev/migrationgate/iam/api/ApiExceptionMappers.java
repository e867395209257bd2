package dev.migrationgate.iam.api;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.migrationgate.iam.PersistedValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refused requests and unreadable JSON into a 4xx {@link ApiError} naming the field. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return json(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badJson(e, e.getTargetType() == null ? null : e.getTargetType());
    }

    /** The JSON reader wraps the Jackson errors it does not rethrow into a bare 400; give those a body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof StreamReadException parse) {
            return json(400, ApiError.of("malformed_json", "The request body is not valid JSON: "
                    + parse.getOriginalMessage()));
        }
        if (e.getCause() instanceof DatabindException databind) {
            return badJson(databind, null);
        }
        return e.getResponse();
    }

    private static Response badJson(DatabindException e, Class<?> targetType) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        List<String> allowed = allowedValues(targetType);
        String message;
        if (!allowed.isEmpty()) {
            message = field + " must be one of " + String.join(", ", allowed);
        } else if (targetType != null) {
            message = field + " must be a " + targetType.getSimpleName();
        } else {
            message = field + " is malformed";
        }
        return json(400, ApiError.forField("invalid_field", field, message, allowed));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> allowedValues(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return List.of();
        }
        if (PersistedValue.class.isAssignableFrom(type)) {
            return PersistedValue.values((Class) type);
        }
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

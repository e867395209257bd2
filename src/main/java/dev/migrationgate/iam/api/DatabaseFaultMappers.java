package dev.migrationgate.iam.api;

import dev.migrationgate.fault.DatabaseFault;
import dev.migrationgate.fault.FaultLog;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure the API's own mappers do not handle, in the API's one error shape: the database unreachable,
 * timed out, refusing or out of connections answers {@code 503} with {@code Retry-After} and
 * {@code database_unavailable}; anything else {@code 500} with {@code internal_error} and a reference id
 * that the log line repeats. The body never holds a stack trace, SQL or a driver message.
 */
public class DatabaseFaultMappers {

    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseFaultMappers.class);

    @ServerExceptionMapper
    public Response failure(Exception e) {
        String reference = FaultLog.reference();
        DatabaseFault fault = DatabaseFault.of(e);
        if (fault != DatabaseFault.OTHER) {
            LOG.warn(FaultLog.text(reference, "API request", fault, e));
            return Response.fromResponse(ApiExceptionMappers.json(503, ApiError.of("database_unavailable",
                    "The database is unavailable or did not answer in time; retry after " + RETRY_AFTER_SECONDS
                            + " s (reference " + reference + ")")))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error(FaultLog.text(reference, "API request", fault, e));
        return ApiExceptionMappers.json(500, ApiError.of("internal_error",
                "Unexpected error (reference " + reference + "); the server log has the details"));
    }
}

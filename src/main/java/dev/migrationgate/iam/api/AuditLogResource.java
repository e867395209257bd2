package dev.migrationgate.iam.api;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.User;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Records and lists audit log entries; the server stamps each entry with the UTC clock. */
@Path("/api/audit-logs")
public class AuditLogResource {

    /** The body of {@code POST /api/audit-logs}. */
    public record RecordEntry(
            @NotNull UUID actorId,
            @NotNull AuditAction action,
            @NotBlank @Size(max = 100) String resourceType,
            @Size(max = 45) @jakarta.validation.constraints.Pattern(regexp = "[0-9A-Fa-f.:]+",
                    message = "must be an IPv4 or IPv6 address") String ipAddress) {
    }

    /** An audit log entry as the API shows it. */
    public record AuditLogView(Long id, UUID actorId, AuditAction action, String resourceType,
            String ipAddress, OffsetDateTime timestamp) {

        static AuditLogView of(AuditLog entry) {
            return new AuditLogView(entry.id, entry.actor.id, entry.action, entry.resourceType,
                    entry.ipAddress, Timestamps.toJson(entry.timestamp));
        }
    }

    private final RequestValidator validator;
    private final Clock clock;

    AuditLogResource(RequestValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    @POST
    @Transactional
    public Response record(RecordEntry request) {
        RecordEntry body = validator.valid(request);
        User actor = User.findById(body.actorId());
        if (actor == null) {
            throw ApiException.unknownReference("actorId", body.actorId());
        }
        AuditLog entry = new AuditLog();
        entry.actor = actor;
        entry.action = body.action();
        entry.resourceType = body.resourceType();
        entry.ipAddress = body.ipAddress();
        entry.timestamp = LocalDateTime.now(clock);
        entry.persistAndFlush();
        return Response.created(URI.create("/api/audit-logs?actorId=" + actor.id))
                .entity(AuditLogView.of(entry)).build();
    }

    @GET
    @Transactional
    public List<AuditLogView> list(@QueryParam("actorId") UUID actorId) {
        Sort newestFirst = Sort.descending("timestamp", "id");
        List<AuditLog> entries = actorId == null
                ? AuditLog.listAll(newestFirst)
                : AuditLog.list("actor.id", newestFirst, actorId);
        return entries.stream().map(AuditLogView::of).toList();
    }
}

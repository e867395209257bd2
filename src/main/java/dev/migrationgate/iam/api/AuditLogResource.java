package dev.migrationgate.iam.api;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.UserRole;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Lists audit entries, newest first, filtered by the caller's role: a sysadmin sees all, an admin the
 * entries of {@code user} accounts and their own, a user their own. Entries are written by the server
 * only ({@link dev.migrationgate.iam.AuditTrail}); there is no way to post one.
 */
@Path("/api/audit-logs")
public class AuditLogResource {

    /** An audit log entry as the API shows it. */
    public record AuditLogView(Long id, UUID actorId, AuditAction action, String resourceType, String resourceId,
            String ipAddress, OffsetDateTime timestamp) {

        static AuditLogView of(AuditLog entry) {
            return new AuditLogView(entry.id, entry.actorId, entry.action, entry.resourceType, entry.resourceId,
                    entry.ipAddress, Timestamps.toJson(entry.timestamp));
        }
    }

    private final CurrentUser caller;

    AuditLogResource(CurrentUser caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Transactional
    public List<AuditLogView> list(@QueryParam("actorId") UUID actorId) {
        String visible = switch (caller.role()) {
            case SYSADMIN -> "1 = 1";
            case ADMIN -> "(actorId = :self or actorId in (select u.id from User u where u.role = :user))";
            case USER -> "actorId = :self";
        };
        Parameters parameters = new Parameters();
        if (caller.role() != UserRole.SYSADMIN) {
            parameters.and("self", caller.id());
        }
        if (caller.role() == UserRole.ADMIN) {
            parameters.and("user", UserRole.USER);
        }
        String query = visible;
        if (actorId != null) {
            query += " and actorId = :actor";
            parameters.and("actor", actorId);
        }
        return AuditLog.<AuditLog>list(query, Sort.descending("timestamp", "id"), parameters)
                .stream().map(AuditLogView::of).toList();
    }
}

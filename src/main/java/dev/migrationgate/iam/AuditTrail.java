package dev.migrationgate.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The audit trail, written by the server only: the actor is the authenticated account, the time comes
 * from the UTC clock. It joins the caller's transaction, so an entry is stored exactly when the change
 * it records is.
 */
@ApplicationScoped
public class AuditTrail {

    /** The {@code resource_type} of entries about accounts. */
    public static final String USER = "user";

    /** The {@code resource_type} of {@code login} entries. */
    public static final String SESSION = "session";

    /** The {@code resource_type} of entries about agent grants. */
    public static final String AGENT_PERMISSION = "agent_permission";

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records that {@code actorId} did {@code action} on a resource.
     *
     * @param resourceId the touched resource's id, or null when it has none
     * @param clientIp the client's address as the HTTP server saw it, or null when unknown
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditLog record(UUID actorId, AuditAction action, String resourceType, String resourceId, String clientIp) {
        AuditLog entry = new AuditLog();
        entry.actorId = actorId;
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.ipAddress = clientIp;
        entry.timestamp = LocalDateTime.now(clock);
        entry.persist();
        return entry;
    }
}

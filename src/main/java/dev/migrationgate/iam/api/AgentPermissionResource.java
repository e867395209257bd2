package dev.migrationgate.iam.api;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditTrail;
import dev.migrationgate.iam.Roles;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserAgentPermission;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Grants, lists and revokes the AI-agent permissions of one user: read by whoever may read the account,
 * changed by whoever manages it (see {@link CurrentUser}); each grant and revocation is audited as
 * {@code permission_change}.
 */
@Path("/api/users/{userId}/agent-permissions")
public class AgentPermissionResource {

    /** Hours before expiry from which a grant is reported as {@code expiresSoon}. */
    static final long EXPIRES_SOON_HOURS = 24;

    /** The body of a grant; {@code expiresAt} must carry an offset and is stored as UTC. */
    public record Grant(
            @NotBlank @Size(max = 200) String agentId,
            @Future OffsetDateTime expiresAt) {
    }

    /** A grant as the API shows it, with its state computed from the UTC clock. */
    public record PermissionView(UUID id, UUID userId, String agentId, OffsetDateTime grantedAt,
            OffsetDateTime expiresAt, boolean expired, boolean expiresSoon) {

        static PermissionView of(UserAgentPermission p, Clock clock) {
            return new PermissionView(p.id, p.user.id, p.agentId, Timestamps.toJson(p.grantedAt),
                    Timestamps.toJson(p.expiresAt), p.isExpired(clock), p.expiresSoon(EXPIRES_SOON_HOURS, clock));
        }
    }

    private final RequestValidator validator;
    private final CurrentUser caller;
    private final Clock clock;

    AgentPermissionResource(RequestValidator validator, CurrentUser caller, Clock clock) {
        this.validator = validator;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ Roles.SYSADMIN, Roles.ADMIN })
    @Transactional
    public Response grant(@PathParam("userId") String userId, Grant request) {
        User user = UserResource.require("userId", userId);
        caller.requireManage(user);
        Grant body = validator.valid(request);
        if (UserAgentPermission.count("user = ?1 and agentId = ?2", user, body.agentId()) > 0) {
            throw ApiException.conflict("agentId", "Agent " + body.agentId() + " already holds a grant for user "
                    + user.id + "; revoke it first");
        }
        UserAgentPermission permission = new UserAgentPermission();
        permission.user = user;
        permission.agentId = body.agentId();
        permission.grantedAt = LocalDateTime.now(clock);
        permission.expiresAt = Timestamps.fromJson(body.expiresAt());
        permission.persistAndFlush();
        caller.audit(AuditAction.PERMISSION_CHANGE, AuditTrail.AGENT_PERMISSION, permission.id);
        return Response.created(URI.create("/api/users/" + user.id + "/agent-permissions/" + permission.id))
                .entity(PermissionView.of(permission, clock)).build();
    }

    @GET
    @Authenticated
    @Transactional
    public List<PermissionView> list(@PathParam("userId") String userId) {
        User user = UserResource.require("userId", userId);
        caller.requireRead(user);
        return UserAgentPermission.<UserAgentPermission>list("user", Sort.by("grantedAt").and("agentId"), user)
                .stream().map(p -> PermissionView.of(p, clock)).toList();
    }

    @DELETE
    @Path("{permissionId}")
    @RolesAllowed({ Roles.SYSADMIN, Roles.ADMIN })
    @Transactional
    public Response revoke(@PathParam("userId") String userId, @PathParam("permissionId") String permissionId) {
        User user = UserResource.require("userId", userId);
        caller.requireManage(user);
        UUID id = ApiException.parseId("permissionId", permissionId);
        long deleted = UserAgentPermission.delete("id = ?1 and user = ?2", id, user);
        if (deleted == 0) {
            throw ApiException.notFound("agent permission", permissionId);
        }
        caller.audit(AuditAction.PERMISSION_CHANGE, AuditTrail.AGENT_PERMISSION, id);
        return Response.noContent().build();
    }
}

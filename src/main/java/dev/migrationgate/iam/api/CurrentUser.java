package dev.migrationgate.iam.api;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditTrail;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import dev.migrationgate.iam.auth.UserIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The authenticated caller of a request and the role matrix applied to them, in one place: a sysadmin may
 * do everything; an admin reads and manages {@code user} accounts (and their own); a user reads only their
 * own account, grants and audit entries. Nobody raises their own role.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final RoutingContext request;
    private final AuditTrail audit;

    CurrentUser(SecurityIdentity identity, RoutingContext request, AuditTrail audit) {
        this.identity = identity;
        this.request = request;
        this.audit = audit;
    }

    public UUID id() {
        return identity.getAttribute(UserIdentityProvider.USER_ID);
    }

    public UserRole role() {
        return UserRole.of(identity.getRoles().iterator().next());
    }

    private boolean mayRead(User target) {
        return isSelf(target) || role() == UserRole.SYSADMIN
                || (role() == UserRole.ADMIN && target.role == UserRole.USER);
    }

    /** Refuses with 403 unless the caller may see {@code target}. */
    public void requireRead(User target) {
        if (!mayRead(target)) {
            throw ApiException.forbidden("Role " + role().value() + " may not read the " + target.role.value()
                    + " account " + target.id);
        }
    }

    /** Refuses with 403 unless the caller may change or delete {@code target} and its agent grants. */
    public void requireManage(User target) {
        boolean allowed = role() == UserRole.SYSADMIN
                || (role() == UserRole.ADMIN && (target.role == UserRole.USER || isSelf(target)));
        if (!allowed) {
            throw ApiException.forbidden("Role " + role().value() + " may not change the " + target.role.value()
                    + " account " + target.id);
        }
    }

    /** Refuses with 403 unless the caller may give an account the role {@code role}. */
    public void requireAssign(UserRole role) {
        boolean allowed = role() == UserRole.SYSADMIN || (role() == UserRole.ADMIN && role == UserRole.USER);
        if (!allowed) {
            throw ApiException.forbidden("Role " + role().value() + " may not give an account the role " + role.value());
        }
    }

    public boolean isSelf(User target) {
        return target.id.equals(id());
    }

    /** Records an audit entry for the caller, from the client address of this request. */
    public void audit(AuditAction action, String resourceType, Object resourceId) {
        audit.record(id(), action, resourceType, resourceId == null ? null : resourceId.toString(),
                UserIdentityProvider.clientIp(request));
    }
}

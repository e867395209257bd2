package dev.migrationgate.iam.api;

import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditTrail;
import dev.migrationgate.iam.Roles;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import dev.migrationgate.iam.auth.Passwords;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
 * Creates, lists, reads, changes and deletes accounts under the role matrix of {@link CurrentUser}.
 * Passwords are stored as bcrypt hashes and never returned; every change writes an audit entry.
 */
@Path("/api/users")
public class UserResource {

    /** The body of {@code POST /api/users}. */
    public record CreateUser(
            @NotBlank @Email @Size(max = 320)
            @Pattern(regexp = "\\p{ASCII}*", message = "must contain only ASCII characters (write an"
                    + " internationalised domain in its xn-- form)") String email,
            @NotNull @AcceptablePassword String password,
            @NotNull UserRole role) {
    }

    /** The body of {@code PATCH /api/users/{id}}: the fields to change. */
    public record ChangeUser(UserRole role, @AcceptablePassword String password) {
    }

    /** A user as the API shows it. */
    public record UserView(UUID id, String email, UserRole role, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, OffsetDateTime lastLoginAt, OffsetDateTime lockedUntil) {

        static UserView of(User user) {
            return new UserView(user.id, user.email, user.role, Timestamps.toJson(user.createdAt),
                    Timestamps.toJson(user.updatedAt), Timestamps.toJson(user.lastLoginAt),
                    Timestamps.toJson(user.lockedUntil));
        }
    }

    private final RequestValidator validator;
    private final Passwords passwords;
    private final CurrentUser caller;
    private final Clock clock;

    UserResource(RequestValidator validator, Passwords passwords, CurrentUser caller, Clock clock) {
        this.validator = validator;
        this.passwords = passwords;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ Roles.SYSADMIN, Roles.ADMIN })
    @Transactional
    public Response create(CreateUser request) {
        CreateUser body = validator.valid(request);
        caller.requireAssign(body.role());
        String email = User.normaliseEmail(body.email());
        if (User.findByEmail(email) != null) {
            throw ApiException.conflict("email", "A user with email " + email + " already exists");
        }
        User user = new User();
        user.email = email;
        user.passwordHash = passwords.hash(body.password());
        user.role = body.role();
        user.createdAt = LocalDateTime.now(clock);
        user.updatedAt = user.createdAt;
        user.persistAndFlush();
        caller.audit(AuditAction.CREATE, AuditTrail.USER, user.id);
        return Response.created(URI.create("/api/users/" + user.id)).entity(UserView.of(user)).build();
    }

    /** The accounts the caller may see: all for a sysadmin, user accounts and their own for an admin, else their own. */
    @GET
    @Authenticated
    @Transactional
    public List<UserView> list() {
        Sort order = Sort.by("createdAt").and("email");
        List<User> users = switch (caller.role()) {
            case SYSADMIN -> User.listAll(order);
            case ADMIN -> User.list("role = :user or id = :self", order,
                    Parameters.with("user", UserRole.USER).and("self", caller.id()));
            case USER -> User.list("id", order, caller.id());
        };
        return users.stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Transactional
    public UserView get(@PathParam("id") String id) {
        User user = require("id", id);
        caller.requireRead(user);
        return UserView.of(user);
    }

    /**
     * Changes an account's role or password. Roles: as {@link #create}, and nobody raises their own; the
     * last sysadmin stays. Passwords: one's own, or an account one manages.
     */
    @PATCH
    @Path("{id}")
    @Authenticated
    @Transactional
    public UserView update(@PathParam("id") String id, ChangeUser request) {
        User user = require("id", id);
        ChangeUser body = validator.valid(request);
        if (body.role() == null && body.password() == null) {
            throw new ApiException(Response.Status.BAD_REQUEST, ApiError.of("nothing_to_change",
                    "Send \"role\", \"password\" or both"));
        }
        if (!caller.isSelf(user)) {
            caller.requireManage(user);
        }
        if (body.role() != null && body.role() != user.role) {
            if (caller.isSelf(user) && body.role().outranks(user.role)) {
                throw ApiException.forbidden("Nobody may raise their own role");
            }
            caller.requireManage(user);
            caller.requireAssign(body.role());
            if (user.role == UserRole.SYSADMIN) {
                requireAnotherSysadmin(user, "demoted");
            }
            user.role = body.role();
        }
        if (body.password() != null) {
            user.passwordHash = passwords.hash(body.password());
        }
        user.updatedAt = LocalDateTime.now(clock);
        user.persistAndFlush();
        caller.audit(AuditAction.UPDATE, AuditTrail.USER, user.id);
        return UserView.of(user);
    }

    /** Deletes an account with its agent grants; its audit entries stay. */
    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.SYSADMIN, Roles.ADMIN })
    @Transactional
    public Response delete(@PathParam("id") String id) {
        User user = require("id", id);
        caller.requireManage(user);
        if (user.role == UserRole.SYSADMIN) {
            requireAnotherSysadmin(user, "deleted");
        }
        user.delete();
        caller.audit(AuditAction.DELETE, AuditTrail.USER, user.id);
        return Response.noContent().build();
    }

    /** Locks every sysadmin row, so two sysadmins removing each other at once cannot leave none. */
    private static void requireAnotherSysadmin(User user, String change) {
        long sysadmins = User.find("role", UserRole.SYSADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
        if (sysadmins <= 1) {
            throw new ApiException(Response.Status.CONFLICT, ApiError.of("last_sysadmin",
                    "Account " + user.id + " is the last sysadmin and cannot be " + change
                            + "; make another account sysadmin first"));
        }
    }

    /** The user named by a path parameter; 400 when malformed, 404 when absent. */
    static User require(String field, String rawId) {
        UUID id = ApiException.parseId(field, rawId);
        User user = User.findById(id);
        if (user == null) {
            throw ApiException.notFound("user", id);
        }
        return user;
    }
}

package dev.migrationgate.iam.api;

import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Creates, lists and reads users. Passwords are stored as bcrypt hashes and never returned. */
@Path("/api/users")
public class UserResource {

    /** The body of {@code POST /api/users}. */
    public record CreateUser(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 8, max = 200) String password,
            @NotNull UserRole role) {
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
    private final Clock clock;

    UserResource(RequestValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    @POST
    @Transactional
    public Response create(CreateUser request) {
        CreateUser body = validator.valid(request);
        String email = body.email().trim().toLowerCase(java.util.Locale.ROOT);
        if (User.findByEmail(email) != null) {
            throw ApiException.conflict("email", "A user with email " + email + " already exists");
        }
        User user = new User();
        user.email = email;
        user.passwordHash = BcryptUtil.bcryptHash(body.password());
        user.role = body.role();
        user.createdAt = LocalDateTime.now(clock);
        user.updatedAt = user.createdAt;
        user.persistAndFlush();
        return Response.created(URI.create("/api/users/" + user.id)).entity(UserView.of(user)).build();
    }

    @GET
    public List<UserView> list() {
        return User.<User>listAll(io.quarkus.panache.common.Sort.by("createdAt").and("email"))
                .stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(require("id", id));
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

package dev.migrationgate.iam.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused authentication and authorisation in the API's JSON error shape. Every 401 is the same,
 * whatever went wrong (no credentials, malformed header, unknown email, wrong password, locked or
 * deleted account), so it never tells whether an email exists; it carries the Basic challenge of
 * Quarkus's authentication mechanism in {@code WWW-Authenticate}.
 */
public class AuthExceptionMappers {

    static final ApiError UNAUTHORIZED = ApiError.of("unauthorized",
            "Authentication required: send the email and password of an account with HTTP Basic"
                    + " (curl -u email:password); a locked account stays refused until its lock expires");

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<Response> unauthorized(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context);
        return challenge.map(data -> {
            Response.ResponseBuilder answer = Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(UNAUTHORIZED);
            if (data != null) {
                data.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            }
            return answer.build();
        });
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiExceptionMappers.json(403, ApiError.of("forbidden",
                "Your account's role does not allow this request; see the role matrix in the README"));
    }
}

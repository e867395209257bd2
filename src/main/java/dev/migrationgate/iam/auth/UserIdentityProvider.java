package dev.migrationgate.iam.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Quarkus's identity provider for HTTP Basic credentials: the {@code users} table is the identity store.
 * The identity's principal is the email, its one role the persisted {@code users.role} value, and the
 * attribute {@value #USER_ID} the account's id.
 */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The identity attribute holding the account's {@link java.util.UUID}. */
    public static final String USER_ID = "migration-gate.user-id";

    private final LoginAttempts attempts;
    private final BootstrapAdmin bootstrap;

    UserIdentityProvider(LoginAttempts attempts, BootstrapAdmin bootstrap) {
        this.attempts = attempts;
        this.bootstrap = bootstrap;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String clientIp = clientIp(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            bootstrap.ensure();
            LoginAttempts.Account account = attempts.authenticate(request.getUsername(),
                    request.getPassword().getPassword(), clientIp);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.email()))
                    .addRole(account.role().value())
                    .addAttribute(USER_ID, account.id())
                    .build();
        });
    }

    /** The client's address as the HTTP server saw it (behind a proxy, see quarkus.http.proxy.*), or null. */
    public static String clientIp(RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.check.SchemaChecks;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.JdbcCatalogInspector;
import dev.migrationgate.inspect.ReactiveCatalogInspector;
import dev.migrationgate.inspect.SingleConnection;
import dev.migrationgate.report.Stage;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the plain-Java engine pieces into the application. */
@Singleton
public class GateBeans {

    /**
     * The {@code application_name} of the readiness connection: the service's pools and Flyway's connections
     * are {@code migration-gate}, so an operator tells the probe's one connection from the rest.
     */
    public static final String APPLICATION_NAME = "migration-gate-readiness";

    /**
     * The readiness connection: the application's (first) reactive URL, read as the list Quarkus reads it
     * (an escaped comma in {@code ?search_path=a\\,b} is a comma, as for the pool), and credentials
     * ({@code quarkus.datasource.username} and {@code password} before the URL's, as Quarkus's own pool takes
     * them), with the {@code application_name} {@value #APPLICATION_NAME} so that an operator can find it in
     * {@code pg_stat_activity}, and a {@code statement_timeout} of five times {@code gate.check-timeout}: an
     * abandoned validation closes its connection, but a backend stuck server-side (waiting for a lock) only
     * notices when it next talks to the client, so the server ends it itself. {@code gate.connect-timeout}
     * bounds the TCP handshake and how long an abandoned attempt to connect may keep the connection
     * ({@link SingleConnection}): a login nobody answers, on a socket accepted by a hung proxy or by the old
     * primary after a failover, would otherwise keep readiness DOWN for good.
     */
    @Produces
    @Singleton
    SingleConnection singleConnection(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") List<String> reactiveUrls,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, GateConfig config) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrls.get(0).replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.addProperty("application_name", APPLICATION_NAME);
        options.addProperty("statement_timeout", String.valueOf(config.checkTimeout().multipliedBy(5).toMillis()));
        options.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        return new SingleConnection(vertx, options, config.connectTimeout());
    }

    void close(@Disposes SingleConnection connection) {
        connection.close();
    }

    @Produces
    @Singleton
    SchemaChecks schemaChecks(Clock clock) {
        return new SchemaChecks(clock);
    }

    @Produces
    @Singleton
    SchemaValidator schemaValidator(Expectations expectations, JdbcCatalogInspector inspector, SchemaChecks checks) {
        return new SchemaValidator(expectations, inspector, checks);
    }

    /**
     * Readiness re-validation: the reactive snapshot of the live catalog and Flyway's history (one round trip
     * while nothing changed), checked; each validation's end is announced as a {@link ValidationCompleted}
     * event (metrics observe it).
     */
    @Produces
    @Singleton
    RuntimeValidation runtimeValidation(ReactiveCatalogInspector inspector, SchemaChecks checks,
            Expectations expectations, GateConfig config, Clock clock, Event<ValidationCompleted> completed) {
        return new RuntimeValidation(
                () -> inspector.snapshot(expectations)
                        .map(snapshot -> checks.evaluate(expectations, snapshot, Stage.RUNTIME))
                        .subscribeAsCompletionStage(),
                config.cacheTtl(), config.checkTimeout(), clock, completed::fire);
    }

    /** Readiness's connection and first validation, started by the gate worker ({@link ReadinessWarmUp}). */
    @Produces
    @Singleton
    ReadinessWarmUp readinessWarmUp(SingleConnection connection, RuntimeValidation runtime) {
        return new ReadinessWarmUp() {
            @Override
            public void connect() {
                connection.warmUp();
            }

            @Override
            public void validate() {
                runtime.current();
            }
        };
    }
}

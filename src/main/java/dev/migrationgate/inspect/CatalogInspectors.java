package dev.migrationgate.inspect;

import io.agroal.api.AgroalDataSource;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Makes the inspectors injectable in the application: the JDBC one on the default {@link AgroalDataSource}
 * with the history of Quarkus's {@link Flyway} (its credentials, which may be the migrator's), for start-up;
 * the reactive one, for readiness, on a {@link SingleConnection} with the application's reactive URL and
 * credentials, reading the history through the application's data source too: readiness never needs more
 * than read access to the history table.
 */
@Singleton
public class CatalogInspectors {

    /** The {@code application_name} of the readiness connection. */
    public static final String APPLICATION_NAME = "migration-gate";

    @Produces
    @Singleton
    FlywayHistoryReader flywayHistoryReader(Flyway flyway,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new FlywayHistoryReader(databaseName(jdbcUrl), flyway);
    }

    @Produces
    @Singleton
    JdbcCatalogInspector jdbcCatalogInspector(AgroalDataSource dataSource, FlywayHistoryReader history,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new JdbcCatalogInspector(databaseName(jdbcUrl), dataSource, history);
    }

    @Produces
    @Singleton
    ReactiveCatalogInspector reactiveCatalogInspector(SingleConnection connection, Flyway flyway,
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl) {
        String database = databaseName(reactiveUrl);
        return new ReactiveCatalogInspector(database, connection, new FlywayHistoryReader(database, flyway, dataSource));
    }

    /**
     * The readiness connection: the application's reactive URL and credentials ({@code quarkus.datasource.username}
     * and {@code password} before the URL's, as Quarkus's own pool takes them), with the
     * {@code application_name} {@value #APPLICATION_NAME} so that an operator can find it in
     * {@code pg_stat_activity}.
     */
    @Produces
    @Singleton
    SingleConnection singleConnection(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.addProperty("application_name", APPLICATION_NAME);
        return new SingleConnection(vertx, options);
    }

    void close(@Disposes SingleConnection connection) {
        connection.close();
    }

    /** The database named by a JDBC or reactive PostgreSQL URL, without host, port or parameters. */
    static String databaseName(Optional<String> url) {
        return url.map(u -> {
            int query = u.indexOf('?');
            String path = query < 0 ? u : u.substring(0, query);
            return path.substring(path.lastIndexOf('/') + 1);
        }).filter(name -> !name.isEmpty()).orElse("(default datasource)");
    }
}

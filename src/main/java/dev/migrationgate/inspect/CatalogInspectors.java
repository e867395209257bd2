package dev.migrationgate.inspect;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Makes the inspectors injectable in the application: the JDBC one on the default {@link AgroalDataSource}
 * with the history of Quarkus's {@link Flyway} (its credentials, which may be the migrator's), for start-up;
 * the reactive one, for readiness, on the {@link SingleConnection} the gate provides (the application's
 * reactive URL and credentials), reading the history through the application's data source too: readiness
 * never needs more than read access to the history table.
 */
@Singleton
public class CatalogInspectors {

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


    /** The database named by a JDBC or reactive PostgreSQL URL, without host, port or parameters. */
    static String databaseName(Optional<String> url) {
        return url.map(u -> {
            int query = u.indexOf('?');
            String path = query < 0 ? u : u.substring(0, query);
            return path.substring(path.lastIndexOf('/') + 1);
        }).filter(name -> !name.isEmpty()).orElse("(default datasource)");
    }
}

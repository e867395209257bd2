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
 * never needs more than read access to the history table. Database names for messages come from the
 * drivers' own URL parsers ({@link ConnectionUrls}).
 */
@Singleton
public class CatalogInspectors {

    /** How messages name the database when the URL names none (the driver then uses its default). */
    static final String DEFAULT = "(the datasource's default database)";

    @Produces
    @Singleton
    FlywayHistoryReader flywayHistoryReader(Flyway flyway,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new FlywayHistoryReader(jdbcUrl.flatMap(ConnectionUrls::jdbcDatabase).orElse(DEFAULT), flyway);
    }

    @Produces
    @Singleton
    JdbcCatalogInspector jdbcCatalogInspector(AgroalDataSource dataSource, FlywayHistoryReader history,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new JdbcCatalogInspector(jdbcUrl.flatMap(ConnectionUrls::jdbcDatabase).orElse(DEFAULT), dataSource, history);
    }

    @Produces
    @Singleton
    ReactiveCatalogInspector reactiveCatalogInspector(SingleConnection connection, Flyway flyway,
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl) {
        String database = reactiveUrl.flatMap(ConnectionUrls::reactiveDatabase).orElse(DEFAULT);
        return new ReactiveCatalogInspector(database, connection, new FlywayHistoryReader(database, flyway, dataSource));
    }
}

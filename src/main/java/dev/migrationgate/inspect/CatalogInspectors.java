package dev.migrationgate.inspect;

import io.agroal.api.AgroalDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Makes the inspectors injectable in the application: the JDBC one on the default {@link AgroalDataSource},
 * the reactive one on the default reactive {@link Pool}, both with the history of Quarkus's {@link Flyway}.
 * Database names for messages come from the drivers' own URL parsers ({@link ConnectionUrls}).
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
    ReactiveCatalogInspector reactiveCatalogInspector(Pool pool, FlywayHistoryReader history,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl) {
        return new ReactiveCatalogInspector(reactiveUrl.flatMap(ConnectionUrls::reactiveDatabase).orElse(DEFAULT), pool,
                history);
    }
}

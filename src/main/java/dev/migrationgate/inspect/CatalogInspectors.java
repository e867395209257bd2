package dev.migrationgate.inspect;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Makes the inspectors injectable in the application: the JDBC one on the default {@link AgroalDataSource},
 * for start-up; the reactive one, for readiness, on the {@link SingleConnection} the gate provides (the
 * application's reactive URL and credentials). Both read the history of Quarkus's {@link Flyway} through the
 * application's data source: reading it never needs more than read access to the history table. Database names for messages come from the
 * drivers' own URL parsers ({@link ConnectionUrls}).
 */
@Singleton
public class CatalogInspectors {

    /** How messages name the database when the URL names none (the driver then uses its default). */
    static final String DEFAULT = "(the datasource's default database)";

    /**
     * The one history reader of both inspectors, so that what start-up read is remembered for readiness: the
     * first probe after the gate passed answers from the history post-migration validation read.
     */
    @Produces
    @Singleton
    FlywayHistoryReader flywayHistoryReader(Flyway flyway, AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new FlywayHistoryReader(jdbcUrl.flatMap(ConnectionUrls::jdbcDatabase).orElse(DEFAULT), flyway,
                dataSource);
    }

    @Produces
    @Singleton
    JdbcCatalogInspector jdbcCatalogInspector(AgroalDataSource dataSource, FlywayHistoryReader history,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        return new JdbcCatalogInspector(jdbcUrl.flatMap(ConnectionUrls::jdbcDatabase).orElse(DEFAULT), dataSource, history);
    }

    @Produces
    @Singleton
    ReactiveCatalogInspector reactiveCatalogInspector(SingleConnection connection, FlywayHistoryReader history,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl) {
        return new ReactiveCatalogInspector(reactiveUrl.flatMap(ConnectionUrls::reactiveDatabase).orElse(DEFAULT),
                connection, history);
    }
}

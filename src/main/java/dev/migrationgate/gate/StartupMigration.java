package dev.migrationgate.gate;

import dev.migrationgate.expect.ExtensionRequirement;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** Creates the required extensions, then runs Flyway, before the service accepts traffic. */
@ApplicationScoped
public class StartupMigration {

    /** Key of the gate's own transaction-scoped advisory lock; distinct from Flyway's. */
    static final long EXTENSION_LOCK_KEY = 0x6d6967676174654cL;

    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource, Flyway flyway, GateConfig config) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + EXTENSION_LOCK_KEY + ")");
                for (String entry : config.extensions().required()) {
                    ExtensionRequirement ext = ExtensionRequirement.parse("gate.extensions.required", entry, true);
                    statement.execute("CREATE EXTENSION IF NOT EXISTS " + ext.quotedName());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Creating the required extensions failed: " + e.getMessage(), e);
        }
        flyway.migrate();
    }
}

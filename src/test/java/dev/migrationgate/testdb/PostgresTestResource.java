package dev.migrationgate.testdb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} application its own fresh database on the {@link TestPostgres} server
 * and drops it when the application stops.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        TestPostgres server = TestPostgres.server();
        database = server.createDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password(),
                "migration-gate.test.database", database);
    }

    @Override
    public void stop() {
        if (database != null) {
            TestPostgres.server().dropDatabase(database);
        }
    }
}

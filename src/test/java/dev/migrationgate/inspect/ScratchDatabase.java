package dev.migrationgate.inspect;

import dev.migrationgate.testdb.TestPostgres;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** A fresh database on the test server, with the roles a test created, all dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    final TestPostgres server = TestPostgres.server();
    final String name = server.createDatabase();
    private final List<String> roles = new ArrayList<>();

    /** Runs each statement in its own auto-committed statement, as the server's administrative user. */
    void execute(String... statements) {
        try (Connection connection = server.connect(name); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Running " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    String single(String sql) {
        try (Connection connection = server.connect(name); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Running " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A login role without privileges beyond PUBLIC's, dropped on close. */
    String createRole() {
        String role = "mg_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        server.admin("CREATE ROLE " + role + " LOGIN");
        roles.add(role);
        return role;
    }

    /** Connections as the administrative user, counting statements; {@code init} runs first on each, uncounted. */
    CountingDataSource dataSource(String... init) {
        return new CountingDataSource(server.jdbcUrl(name), server.user(), server.password(), List.of(init));
    }

    /** Connections as {@code role}. */
    CountingDataSource dataSourceAs(String role) {
        return new CountingDataSource(server.jdbcUrl(name), role, "", List.of());
    }

    /** A reactive pool as the administrative user with extra startup {@code properties} (e.g. TimeZone). */
    Pool pool(Vertx vertx, Map<String, String> properties) {
        return pool(vertx, server.user(), server.password(), properties);
    }

    /** A reactive pool as {@code user}. */
    Pool pool(Vertx vertx, String user, String password, Map<String, String> properties) {
        PgConnectOptions options = PgConnectOptions.fromUri(server.reactiveUrl(name)).setUser(user)
                .setPassword(password);
        properties.forEach(options::addProperty);
        return Pool.pool(vertx, options, new PoolOptions().setMaxSize(2));
    }

    /** Flyway on this database with the given classpath locations under {@code db/inspect/history/}. */
    Flyway flyway(String... locations) {
        return flywayConfiguration(locations).load();
    }

    FluentConfiguration flywayConfiguration(String... locations) {
        String[] paths = new String[locations.length];
        for (int i = 0; i < locations.length; i++) {
            paths[i] = "classpath:db/inspect/history/" + locations[i];
        }
        return Flyway.configure().dataSource(server.jdbcUrl(name), server.user(), server.password()).locations(paths);
    }

    @Override
    public void close() {
        server.dropDatabase(name);
        roles.forEach(role -> server.admin("DROP ROLE IF EXISTS " + role));
    }
}

package dev.migrationgate.gate;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.postgresql.PGConnection;

/**
 * Quarkus's Flyway, customised for the gate: Flyway's own lock waits at most {@code gate.lock-timeout}
 * ({@code lockRetryCount}: Flyway retries once a second), and every connection Flyway (and the gate's
 * extension bootstrap, which borrows Flyway's datasource) uses names itself {@value #APPLICATION_NAME} in
 * {@code pg_stat_activity} and is freed from the API's request deadline (the pool's {@code socketTimeout}
 * and {@code statement_timeout}): a migration or a bounded lock wait may take longer than an API request.
 * Both settings are restored before a pooled connection goes back to the pool.
 */
@Singleton
public class FlywayConnections implements FlywayConfigurationCustomizer {

    /** The {@code application_name} of every connection the gate opens. */
    public static final String APPLICATION_NAME = "migration-gate";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FlywayConnections.class);

    private final GateConfig config;

    FlywayConnections(GateConfig config) {
        this.config = config;
    }

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        configuration.lockRetryCount((int) Math.max(1, config.lockTimeout().toSeconds()));
        configuration.ignoreMigrationPatterns(withNewerRelease(configuration.getIgnoreMigrationPatterns()));
        DataSource target = configuration.getDataSource();
        if (target != null && !(target instanceof Unbounded)) {
            configuration.dataSource(new Unbounded(target));
        }
    }

    /**
     * {@code configured} and what a newer release leaves in the history, which the gate's policy calls
     * compatible (the database is ahead) and Flyway's validation before {@code migrate} must therefore let
     * pass: its versioned migrations ({@code *:future}; Quarkus configures no pattern, which would refuse
     * them) and its repeatable migrations without a local script ({@code repeatable:missing}; one this build
     * deleted blocks at pre-migration, before migrate runs). Without them an old pod restarting during a
     * rollout fails its gate.
     */
    static ValidatePattern[] withNewerRelease(ValidatePattern[] configured) {
        ValidatePattern[] patterns = Arrays.copyOf(configured, configured.length + 2);
        patterns[configured.length] = ValidatePattern.fromPattern("*:future");
        patterns[configured.length + 1] = ValidatePattern.fromPattern("repeatable:missing");
        return patterns;
    }

    /** A datasource whose connections carry the gate's session settings while Flyway or the gate holds them. */
    static final class Unbounded implements DataSource {

        private final DataSource target;

        Unbounded(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return prepare(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return prepare(target.getConnection(username, password));
        }

        private static Connection prepare(Connection connection) throws SQLException {
            Connection driver = (Connection) connection.unwrap(PGConnection.class);
            int networkTimeout = driver.getNetworkTimeout();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = '" + APPLICATION_NAME + "'; SET statement_timeout = 0");
                driver.setNetworkTimeout(Runnable::run, 0);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("close") && !connection.isClosed()) {
                    restore(connection, driver, networkTimeout);
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        /**
         * Puts back the pool's deadline. The read timeout is set on the driver's own connection, under the pool's
         * wrapper: the pool resets what was set through its wrapper to its own default (none), which would
         * silently drop the {@code socketTimeout} every API request relies on.
         */
        private static void restore(Connection connection, Connection driver, int networkTimeout) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET statement_timeout");
                driver.setNetworkTimeout(Runnable::run, networkTimeout);
            } catch (SQLException e) {
                LOG.debugf("Could not restore the pool's session settings (SQLSTATE %s); the pool discards a broken"
                        + " connection", e.getSQLState());
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}

package dev.migrationgate.gate;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that hands out one connection the caller keeps owning, so code written against a
 * data source (the catalog inspector, Flyway, the extension bootstrap) works inside a transaction the
 * caller opened: {@link #borrowed} only ignores {@code close()}; {@link #transactionHeld} also ignores
 * {@code commit()} and {@code setAutoCommit()}, and turns {@code rollback()} into a rollback to a savepoint
 * taken when it was made, so nothing those users do can end the caller's transaction (which the caller alone
 * rolls back) and a failed statement leaves it usable.
 */
final class HeldConnection implements DataSource {

    private static final Set<String> BORROWED = Set.of("close");
    private static final Set<String> HELD = Set.of("close", "commit", "setAutoCommit");

    private final Connection view;

    private HeldConnection(Connection connection, Set<String> ignored, Savepoint floor) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (ignored.contains(method.getName())) {
                return null;
            }
            if (floor != null && method.getName().equals("rollback") && method.getParameterCount() == 0) {
                connection.rollback(floor);
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** Connections that are {@code connection} itself; closing them leaves it open. */
    static DataSource borrowed(Connection connection) {
        return new HeldConnection(connection, BORROWED, null);
    }

    /**
     * Connections that are {@code connection}, inside its current transaction, which they cannot end; their
     * {@code rollback()} undoes only what was done through them.
     *
     * @throws SQLException when the savepoint cannot be set (no transaction open on {@code connection})
     */
    static DataSource transactionHeld(Connection connection) throws SQLException {
        return new HeldConnection(connection, HELD, connection.setSavepoint());
    }

    @Override
    public Connection getConnection() {
        return view;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return view;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: the held connection's driver logs as configured
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // never opens a connection, so there is nothing to time out
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("HeldConnection does not log through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("HeldConnection is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}

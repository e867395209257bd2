package dev.migrationgate.inspect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL data source whose connections run some set-up statements first and then count every
 * statement execution, independently of what the code under test reports about itself.
 */
final class CountingDataSource extends PGSimpleDataSource {

    private final transient List<String> init;
    private final transient AtomicInteger executions = new AtomicInteger();

    CountingDataSource(String url, String user, String password, List<String> init) {
        setUrl(url);
        setUser(user);
        setPassword(password);
        this.init = init;
    }

    /** Statements executed on connections of this data source, set-up statements excluded. */
    int executions() {
        return executions.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : init) {
                statement.execute(sql);
            }
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        return countingStatement(statement);
                    }
                    return result;
                });
    }

    private Object countingStatement(Statement statement) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

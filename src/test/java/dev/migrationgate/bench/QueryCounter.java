package dev.migrationgate.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Counts the queries run through JDBC on the connections of a data source, independently of what the code
 * using it reports about itself: every {@code execute*} call on a statement, and every
 * {@code DatabaseMetaData} call that answers with a result set (the driver runs a catalog query for each).
 */
final class QueryCounter {

    private final AtomicLong queries = new AtomicLong();

    /** The queries counted so far. */
    long queries() {
        return queries.get();
    }

    /** {@code target}, with the queries of its connections counted here. */
    DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, method -> false, (method, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    private Connection connection(Connection target) {
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, target, method -> false, (method, result) -> {
            if (result instanceof Statement statement) {
                return statement(statement, self[0]);
            }
            if (result instanceof DatabaseMetaData metaData) {
                return metaData(metaData, self[0]);
            }
            return result;
        });
        return self[0];
    }

    private Statement statement(Statement target, Connection connection) {
        Class<? extends Statement> type = target instanceof CallableStatement ? CallableStatement.class
                : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, target, method -> method.getName().startsWith("execute"),
                (method, result) -> method.getName().equals("getConnection") ? connection : result);
    }

    private DatabaseMetaData metaData(DatabaseMetaData target, Connection connection) {
        return proxy(DatabaseMetaData.class, target, method -> ResultSet.class.isAssignableFrom(method.getReturnType()),
                (method, result) -> method.getName().equals("getConnection") ? connection : result);
    }

    /**
     * A proxy of {@code target} that counts a query before each call {@code queries} accepts, and answers
     * what {@code answer} makes of the target's result.
     */
    private <T> T proxy(Class<? extends T> type, T target, Predicate<Method> queries,
            BiFunction<Method, Object, Object> answer) {
        return type.cast(Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (queries.test(method)) {
                        this.queries.incrementAndGet();
                    }
                    try {
                        return answer.apply(method, method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}

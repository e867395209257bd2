package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.ExtensionRequirement;
import dev.migrationgate.expect.ExtensionRequirements;
import dev.migrationgate.gate.ExtensionBootstrap.Outcome;
import dev.migrationgate.testdb.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the extension bootstrap holds an advisory lock: two sessions running {@code CREATE EXTENSION IF NOT
 * EXISTS} at once both see the extension missing, and the later one fails with a unique violation on
 * {@code pg_extension_name_index} once the earlier commits. The interleavings are forced (a commit held
 * back, the other session observed waiting in {@code pg_locks}), so each outcome is deterministic.
 */
class ExtensionBootstrapRaceIT {

    private static final List<ExtensionRequirement> REQUIRED =
            ExtensionRequirements.parse(List.of("uuid-ossp", "pgcrypto"), List.of());
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final TestPostgres server = TestPostgres.server();
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private String database;

    @BeforeEach
    void createEmptyDatabase() {
        database = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() throws InterruptedException {
        sessions.shutdownNow();
        sessions.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        server.dropDatabase(database);
    }

    @Test
    void secondBootstrapWaitsForTheFirstsCommitAndFindsTheExtensionsCreated() throws Exception {
        CommitGate held = new CommitGate();
        ExtensionBootstrap bootstrap = new ExtensionBootstrap();
        Future<Outcome> first = sessions.submit(() -> bootstrap.run(held.wrap(dataSource()), REQUIRED, java.time.Duration.ofSeconds(60)));
        held.awaitReached();

        Future<Outcome> second = sessions.submit(() -> bootstrap.run(dataSource(), REQUIRED, java.time.Duration.ofSeconds(60)));
        awaitSessionWaitingOn("advisory");
        held.release();

        Outcome firstOutcome = first.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        Outcome secondOutcome = second.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(), firstOutcome.findings());
        assertEquals(List.of(), secondOutcome.findings());
        assertEquals(List.of("uuid-ossp", "pgcrypto"), secondOutcome.attempted(),
                "the second bootstrap ran its CREATE ... IF NOT EXISTS statements, after the first committed");
        assertEquals(Map.of("pgcrypto", 1L, "uuid-ossp", 1L), extensionRows());
    }

    @Test
    void withoutTheLockASecondCreateIfNotExistsFailsWithUniqueViolation() throws Exception {
        String create = ExtensionBootstrap.createStatement(REQUIRED.get(1));
        try (Connection first = server.connect(database); Statement statement = first.createStatement()) {
            first.setAutoCommit(false);
            statement.execute(create);

            Future<?> second = sessions.submit(() -> {
                try (Connection c = server.connect(database); Statement s = c.createStatement()) {
                    s.execute(create);
                }
                return null;
            });
            awaitSessionWaitingOn("transactionid");
            first.commit();

            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> second.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            SQLException cause = assertInstanceOf(SQLException.class, failure.getCause());
            assertEquals("23505", cause.getSQLState(), cause.getMessage());
            assertTrue(cause.getMessage().contains("pg_extension_name_index"), cause.getMessage());
        }
    }

    @Test
    void eightBootstrapsReleasedTogetherOnAnEmptyDatabaseAllSucceed() throws Exception {
        int sessionsCount = 8;
        CyclicBarrier together = new CyclicBarrier(sessionsCount);
        ExtensionBootstrap bootstrap = new ExtensionBootstrap();
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < sessionsCount; i++) {
            outcomes.add(sessions.submit(() -> {
                together.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                return bootstrap.run(dataSource(), REQUIRED, java.time.Duration.ofSeconds(60));
            }));
        }
        for (Future<Outcome> future : outcomes) {
            Outcome outcome = future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of(), outcome.findings());
            assertEquals(List.of("uuid-ossp", "pgcrypto"), outcome.attempted(),
                    "every session's CREATE ... IF NOT EXISTS succeeded (a raced one fails with 23505)");
        }
        assertEquals(Map.of("pgcrypto", 1L, "uuid-ossp", 1L), extensionRows());
    }

    private DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return server.connect(database);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Polls until a session of the test database waits for a lock of {@code lockType}. */
    private void awaitSessionWaitingOn(String lockType) throws SQLException, InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        try (Connection observer = server.connect("postgres");
                PreparedStatement waiting = observer.prepareStatement("SELECT count(*) FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE NOT l.granted AND l.locktype = ? AND a.datname = ?")) {
            waiting.setString(1, lockType);
            waiting.setString(2, database);
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("No session of " + database + " waited on a " + lockType + " lock within "
                            + DEADLINE);
                }
                Thread.sleep(20);
            }
        }
    }

    private Map<String, Long> extensionRows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = server.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT extname, count(*) FROM pg_extension"
                        + " WHERE extname IN ('uuid-ossp', 'pgcrypto') GROUP BY extname")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    /** Holds a connection's commit back until released: a bootstrap caught after its CREATEs, before COMMIT. */
    private static final class CommitGate {

        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        DataSource wrap(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(CommitGate.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? holdCommit(connection) : result;
                    });
        }

        private Connection holdCommit(Connection target) {
            return (Connection) Proxy.newProxyInstance(CommitGate.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit")) {
                            reached.countDown();
                            if (!released.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                                throw new SQLException("The test never released the held commit");
                            }
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void awaitReached() throws InterruptedException {
            if (!reached.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("The first bootstrap never reached its commit");
            }
        }

        void release() {
            released.countDown();
        }
    }
}

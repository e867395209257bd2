package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.ExtensionBootstrap;
import dev.migrationgate.testdb.AdminSql;
import dev.migrationgate.testdb.EmptyDatabase;
import dev.migrationgate.testdb.Poll;
import dev.migrationgate.testdb.TestPostgres;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lock the gate needs, held by a client that stopped talking (idle in its transaction, as a paused or
 * partitioned replica leaves it): past {@code gate.lock-timeout} the gate reports DATABASE_LOCK_TIMEOUT naming
 * the holder's pid, application_name and since when, stays alive, and retries with back-off; once the holder
 * is gone ({@code pg_terminate_backend}, or it lets go) the gate passes without a restart.
 */
class LockTimeoutIT {

    /** Flyway's advisory lock for the default history table (PostgreSQLAdvisoryLockTemplate). */
    private static final long FLYWAY_LOCK_KEY = 77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode();
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @RegisterExtension
    final EmptyDatabase empty = new EmptyDatabase();
    private final TestPostgres server = TestPostgres.server();

    @Test
    void extensionLockHeldByAPausedClientIsNamedAndTheGatePassesOnceTheHolderIsTerminated() throws Exception {
        try (Connection holder = server.connect(empty.name())) {
            int pid = holdInTransaction(holder, "paused-lock-holder", ExtensionBootstrap.ADVISORY_LOCK_KEY);
            long start = System.nanoTime();
            try (AppProcess app = AppProcess.start(empty.name(), Map.of("gate.lock-timeout", "2s"))) {
                JsonPath finding = awaitLockTimeout(app);
                System.out.printf("FIGURE extension lock held: DATABASE_LOCK_TIMEOUT reported %d ms after start: %s%n",
                        (System.nanoTime() - start) / 1_000_000, finding.getString("actual"));
                assertEquals("extensions", JsonPath.from(app.management("/q/gate").body()).getString("phase"));
                assertTrue(finding.getString("actual").contains("pid " + pid), finding.prettify());
                assertTrue(finding.getString("actual").contains("paused-lock-holder"), finding.prettify());
                assertTrue(finding.getString("actual").contains("idle in transaction since "), finding.prettify());
                app.assertHolds("/q/health/live", answer -> answer.status() == 200, Duration.ofSeconds(3));

                long terminated = System.nanoTime();
                AdminSql.execute(empty.name(), "SELECT pg_terminate_backend(" + pid + ")");
                app.awaitManagement("/q/health/ready", answer -> answer.status() == 200, DEADLINE);
                System.out.printf("FIGURE holder terminated -> ready in %d ms (back-off retry, no restart)%n",
                        (System.nanoTime() - terminated) / 1_000_000);
                Set<String> names = Poll.until("only the gate's own sessions on the database",
                        Duration.ofSeconds(30), () -> applicationNames(empty.name()), found -> !found.isEmpty()
                                && !found.contains("paused-lock-holder"));
                assertTrue(names.stream().allMatch(name -> name.equals("migration-gate")
                        || name.equals("migration-gate-readiness")),
                        "every connection the service opens names itself migration-gate(-readiness): " + names);
            }
        }
    }

    @Test
    void flywaysLockHeldPastTheTimeoutIsNamedAndTheGatePassesOnceReleased() throws Exception {
        try (Connection holder = server.connect(empty.name())) {
            int pid = holdInTransaction(holder, "flyway-lock-holder", FLYWAY_LOCK_KEY);
            try (AppProcess app = AppProcess.start(empty.name(), Map.of("gate.lock-timeout", "2s"))) {
                JsonPath finding = awaitLockTimeout(app);
                assertEquals("migrate", JsonPath.from(app.management("/q/gate").body()).getString("phase"));
                assertTrue(finding.getString("actual").contains("pid " + pid), finding.prettify());
                assertTrue(finding.getString("actual").contains("flyway-lock-holder"), finding.prettify());

                holder.rollback();
                app.awaitManagement("/q/health/ready", answer -> answer.status() == 200, DEADLINE);
            }
        }
    }

    /** Takes {@code key} in a transaction and stops talking, as a paused client does; returns the backend pid. */
    private static int holdInTransaction(Connection holder, String applicationName, long key) throws SQLException {
        try (Statement statement = holder.createStatement()) {
            statement.execute("SET application_name = '" + applicationName + "'");
            holder.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + key + ")");
            try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                return pid.getInt(1);
            }
        }
    }

    private static JsonPath awaitLockTimeout(AppProcess app) throws InterruptedException {
        AppProcess.Response report = app.awaitManagement("/q/gate",
                answer -> answer.body().contains("DATABASE_LOCK_TIMEOUT"), DEADLINE);
        List<Map<String, Object>> findings = JsonPath.from(report.body())
                .getList("findings.findAll { it.code == 'DATABASE_LOCK_TIMEOUT' }");
        return JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(findings.get(0)).toString());
    }

    private static Set<String> applicationNames(String database) {
        return new TreeSet<>(AdminSql.column(database, "SELECT application_name FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"));
    }
}

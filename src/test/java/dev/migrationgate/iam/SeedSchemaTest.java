package dev.migrationgate.iam;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.testdb.GateAwait;
import org.junit.jupiter.api.BeforeEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's own schema checks, against the migrated real database. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SeedSchemaTest {

    @Inject
    GateState gate;

    @BeforeEach
    void gatePassed() throws InterruptedException {
        GateAwait.passed(gate);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void enumTypesHoldExactlyTheLowercaseValues() throws SQLException {
        assertEquals(PersistedValue.values(UserRole.class), labels("userrole"));
        assertEquals(List.of("sysadmin", "admin", "user"), labels("userrole"));
        assertEquals(PersistedValue.values(AuditAction.class), labels("auditaction"));
        assertEquals(List.of("create", "read", "update", "delete", "login", "logout", "permission_change"),
                labels("auditaction"));
    }

    @Test
    void userPersistedWithAdminRoleStoresLowercaseLabel() throws SQLException {
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User u = newUser("seed-admin@example.com", UserRole.ADMIN);
            u.persistAndFlush();
            return u;
        });
        assertEquals("admin", single("SELECT role::text FROM users WHERE id = '" + user.id + "'"));
        User reloaded = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(user.id));
        assertEquals(UserRole.ADMIN, reloaded.role);
    }

    @Test
    void everyTimestampColumnIsWithoutTimeZone() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND table_name IN ('users', 'audit_logs', 'user_agent_permissions')"
                        + " AND (column_name LIKE '%\\_at' OR column_name = 'timestamp' OR column_name = 'locked_until')"
                        + " ORDER BY 1")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertEquals(List.of("audit_logs.timestamp", "user_agent_permissions.expires_at",
                "user_agent_permissions.granted_at", "users.created_at", "users.last_login_at",
                "users.locked_until", "users.updated_at"), List.copyOf(types.keySet()));
        types.forEach((column, type) -> assertEquals("timestamp without time zone", type, column));
    }

    @Test
    void auditLogInsertAndCreatedAtComparisonWithNowWork() throws SQLException {
        LocalDateTime before = LocalDateTime.now(clock).minusSeconds(1);
        User actor = QuarkusTransaction.requiringNew().call(() -> {
            User u = newUser("seed-auditor@example.com", UserRole.USER);
            u.persistAndFlush();
            AuditLog entry = new AuditLog();
            entry.actorId = u.id;
            entry.action = AuditAction.PERMISSION_CHANGE;
            entry.resourceType = "agent";
            entry.ipAddress = "10.0.0.1";
            entry.timestamp = LocalDateTime.now(clock);
            entry.persistAndFlush();
            return u;
        });
        assertEquals("permission_change",
                single("SELECT action::text FROM audit_logs WHERE actor_id = '" + actor.id + "'"));
        long recent = QuarkusTransaction.requiringNew().call(
                () -> User.count("createdAt >= ?1 and createdAt <= ?2 and id = ?3", before,
                        LocalDateTime.now(clock).plusSeconds(1), actor.id));
        assertEquals(1, recent);
        assertEquals("t", single("SELECT (created_at <= (now() AT TIME ZONE 'UTC') + interval '1 second')::text"
                + " FROM users WHERE id = '" + actor.id + "'").substring(0, 1));
    }

    @Test
    void requiredExtensionsAreInstalled() throws SQLException {
        List<String> installed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT extname FROM pg_extension WHERE extname IN ('uuid-ossp', 'pgcrypto') ORDER BY extname");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                installed.add(rs.getString(1));
            }
        }
        assertEquals(List.of("pgcrypto", "uuid-ossp"), installed);
        assertTrue(single("SELECT uuid_generate_v4()::text").matches("[0-9a-f-]{36}"));
    }

    private User newUser(String email, UserRole role) {
        User u = new User();
        u.email = email;
        u.passwordHash = "not-a-real-hash";
        u.role = role;
        u.createdAt = LocalDateTime.now(clock);
        u.updatedAt = u.createdAt;
        return u;
    }

    private List<String> labels(String type) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                        + " WHERE t.typname = ? ORDER BY e.enumsortorder")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }

    private String single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }
}

package dev.migrationgate.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.testdb.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The expectations the running application derives from its own IAM persistence unit and default config. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExpectationsProducerTest {

    @Inject
    Expectations expectations;

    @Test
    void iamEnumsAreNamedEnumTypesHoldingTheLowercaseValues() {
        assertEquals(List.of(
                new EnumExpectation("AuditLog", "action", "audit_logs", "action", "AuditAction", EnumStorage.NAMED_ENUM,
                        Optional.of("auditaction"),
                        List.of("create", "read", "update", "delete", "login", "logout", "permission_change")),
                new EnumExpectation("User", "role", "users", "role", "UserRole", EnumStorage.NAMED_ENUM,
                        Optional.of("userrole"), List.of("sysadmin", "admin", "user"))),
                expectations.enums());
    }

    @Test
    void everyIamTimestampIsWithoutTimeZone() {
        assertEquals(List.of(
                new TemporalExpectation("AuditLog", "timestamp", "audit_logs", "timestamp", "LocalDateTime",
                        TemporalFamily.TIMESTAMP),
                new TemporalExpectation("UserAgentPermission", "expiresAt", "user_agent_permissions", "expires_at",
                        "LocalDateTime", TemporalFamily.TIMESTAMP),
                new TemporalExpectation("UserAgentPermission", "grantedAt", "user_agent_permissions", "granted_at",
                        "LocalDateTime", TemporalFamily.TIMESTAMP),
                new TemporalExpectation("User", "createdAt", "users", "created_at", "LocalDateTime",
                        TemporalFamily.TIMESTAMP),
                new TemporalExpectation("User", "lastLoginAt", "users", "last_login_at", "LocalDateTime",
                        TemporalFamily.TIMESTAMP),
                new TemporalExpectation("User", "lockedUntil", "users", "locked_until", "LocalDateTime",
                        TemporalFamily.TIMESTAMP),
                new TemporalExpectation("User", "updatedAt", "users", "updated_at", "LocalDateTime",
                        TemporalFamily.TIMESTAMP)),
                expectations.temporals());
    }

    @Test
    void tablesAreTheIamTables() {
        assertEquals(Set.of("audit_logs", "user_agent_permissions", "users"), expectations.tables());
    }

    @Test
    void defaultExtensionsAreUuidOsspAndPgcryptoRequiredAndVectorOptional() {
        assertEquals(List.of(new ExtensionRequirement("uuid-ossp", Optional.empty(), true),
                new ExtensionRequirement("pgcrypto", Optional.empty(), true),
                new ExtensionRequirement("vector", Optional.empty(), false)), expectations.extensions());
    }
}

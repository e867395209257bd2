package dev.migrationgate.iam.api;

import static io.restassured.RestAssured.given;

import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Accounts written straight into the test database, each with its own random email and password. */
final class TestAccounts {

    /** The lowest bcrypt cost, as in the test profile. */
    static final int TEST_COST = 4;

    /** An account and the password it logs in with. */
    record Account(UUID id, String email, String password, UserRole role) {

        /** A request authenticated as this account with HTTP Basic. */
        RequestSpecification request() {
            return basic(email, password);
        }
    }

    private TestAccounts() {
    }

    static Account create(String name, UserRole role) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "pw-" + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            User user = new User();
            user.email = email.toLowerCase(Locale.ROOT);
            user.passwordHash = BcryptUtil.bcryptHash(password, TEST_COST);
            user.role = role;
            user.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            user.updatedAt = user.createdAt;
            user.persistAndFlush();
            return user.id;
        });
        return new Account(id, email, password, role);
    }

    /** A request with an {@code Authorization: Basic} header of exactly these UTF-8 credentials. */
    static RequestSpecification basic(String username, String password) {
        return given().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static User load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id));
    }

    /** Every audit entry of {@code actorId}, oldest first. */
    static List<AuditLog> auditOf(UUID actorId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditLog.<AuditLog>list("actorId = ?1 order by id", actorId));
    }

    static long auditCount() {
        return QuarkusTransaction.requiringNew().call(() -> AuditLog.count());
    }

    static long userCount() {
        return QuarkusTransaction.requiringNew().call(() -> User.count());
    }
}

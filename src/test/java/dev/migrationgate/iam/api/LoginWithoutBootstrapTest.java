package dev.migrationgate.iam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import dev.migrationgate.iam.auth.BootstrapAdmin;
import dev.migrationgate.iam.auth.Passwords;
import dev.migrationgate.testdb.CapturedLog;
import dev.migrationgate.testdb.GateAwait;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Without {@code IAM_BOOTSTRAP_ADMIN_*} no account exists, every login answers 401 and the log says why;
 * at the production bcrypt cost, an unknown email and a wrong password take comparable time.
 */
@QuarkusTest
@TestProfile(IamProfiles.WithoutBootstrap.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginWithoutBootstrapTest {

    private static final int ROUNDS = 9;

    @Inject
    GateState gate;

    @Inject
    Passwords passwords;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @Order(1)
    void withoutTheVariablesNobodyCanLogInAndTheLogSaysWhy() throws InterruptedException {
        GateAwait.passed(gate);
        List<String> messages;
        try (CapturedLog log = CapturedLog.of(BootstrapAdmin.class)) {
            TestAccounts.basic("admin@example.com", "admin").get("/api/users").then().statusCode(401);
            messages = log.records().stream().map(CapturedLog.Entry::message).toList();
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("No sysadmin account exists")
                && m.contains("no account can log in yet")), messages.toString());
        assertEquals(0, TestAccounts.userCount(), "no account was created");
    }

    @Test
    @Order(2)
    void unknownEmailAndWrongPasswordTakeComparableTime() throws InterruptedException {
        GateAwait.passed(gate);
        String email = "timed-" + UUID.randomUUID() + "@example.com";
        String hash = passwords.hash("the-right-password");
        assertTrue(hash.startsWith("$2a$" + IamProfiles.WithoutBootstrap.PRODUCTION_COST + "$"), hash);
        QuarkusTransaction.requiringNew().run(() -> {
            User user = new User();
            user.email = email;
            user.passwordHash = hash;
            user.role = UserRole.USER;
            user.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            user.updatedAt = user.createdAt;
            user.persist();
        });
        long[] unknown = new long[ROUNDS];
        long[] wrong = new long[ROUNDS];
        String unknownBody = null;
        String wrongBody = null;
        for (int i = -2; i < ROUNDS; i++) {
            long start = System.nanoTime();
            Response u = TestAccounts.basic("nobody-" + UUID.randomUUID() + "@example.com", "the-right-password")
                    .get("/api/users");
            long middle = System.nanoTime();
            Response w = TestAccounts.basic(email, "a-wrong-password").get("/api/users");
            long end = System.nanoTime();
            assertEquals(401, u.statusCode());
            assertEquals(401, w.statusCode());
            unknownBody = u.asString();
            wrongBody = w.asString();
            if (i >= 0) {
                unknown[i] = middle - start;
                wrong[i] = end - middle;
            }
        }
        assertEquals(unknownBody, wrongBody, "the same answer");
        double unknownMs = median(unknown) / 1e6;
        double wrongMs = median(wrong) / 1e6;
        double ratio = unknownMs / wrongMs;
        System.out.printf(Locale.ROOT, "401 timing at bcrypt cost %d, medians of %d: unknown email %.1f ms,"
                + " wrong password %.1f ms, ratio %.2f%n", IamProfiles.WithoutBootstrap.PRODUCTION_COST, ROUNDS,
                unknownMs, wrongMs, ratio);
        assertTrue(ratio > 0.5 && ratio < 2.0, String.format(Locale.ROOT,
                "unknown email %.1f ms vs wrong password %.1f ms: the timing tells whether an email exists",
                unknownMs, wrongMs));
    }

    @Test
    @Order(3)
    void theLastSysadminIsNeitherDeletedNorDemoted() {
        TestAccounts.Account only = TestAccounts.create("only-sysadmin", UserRole.SYSADMIN);
        only.request().delete("/api/users/" + only.id()).then().statusCode(409)
                .body("error", org.hamcrest.Matchers.equalTo("last_sysadmin"));
        only.request().contentType(ContentType.JSON).body("{\"role\":\"admin\"}").patch("/api/users/" + only.id())
                .then().statusCode(409);
        only.request().contentType(ContentType.JSON).body("{}").patch("/api/users/" + only.id())
                .then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("nothing_to_change"));
        assertEquals(UserRole.SYSADMIN, TestAccounts.load(only.id()).role);

        TestAccounts.Account second = TestAccounts.create("second-sysadmin", UserRole.SYSADMIN);
        only.request().contentType(ContentType.JSON).body("{\"role\":\"admin\"}").patch("/api/users/" + only.id())
                .then().statusCode(200);
        assertEquals(UserRole.ADMIN, TestAccounts.load(only.id()).role);
        second.request().delete("/api/users/" + second.id()).then().statusCode(409);
    }

    /**
     * What the server does is what the timing shows: a wrong password commits the failure count, a WAL flush,
     * so a refusal for an unknown email or a locked account must commit a write too, or it answers one flush
     * sooner. Counted as transaction ids handed out during each refusal, which only a writing transaction
     * takes; anything else on the server can only raise the counts.
     */
    @Test
    @Order(4)
    void everyRefusedLoginCommitsAWriteWhetherTheAccountExistsIsLockedOrNot() throws InterruptedException {
        GateAwait.passed(gate);
        TestAccounts.Account wrong = TestAccounts.create("wrong-password", UserRole.USER);
        TestAccounts.Account locked = TestAccounts.create("locked", UserRole.USER);
        QuarkusTransaction.requiringNew().run(() -> User.update("lockedUntil = ?1 where id = ?2",
                LocalDateTime.now(ZoneOffset.UTC).plusHours(1), locked.id()));

        long unknownIds = idsHandedOutDuring(() -> TestAccounts.basic("nobody-" + UUID.randomUUID() + "@example.com",
                "whatever").get("/api/users"));
        long wrongIds = idsHandedOutDuring(() -> TestAccounts.basic(wrong.email(), "a-wrong-password").get("/api/users"));
        long lockedIds = idsHandedOutDuring(() -> TestAccounts.basic(locked.email(), locked.password())
                .get("/api/users"));

        System.out.printf(Locale.ROOT, "transaction ids per refused login: unknown email %d, wrong password %d,"
                + " locked account %d%n", unknownIds, wrongIds, lockedIds);
        assertTrue(wrongIds >= 1, "the failure count commits: " + wrongIds);
        assertTrue(unknownIds >= 1, "an unknown email commits a write as a wrong password does: " + unknownIds);
        assertTrue(lockedIds >= 1, "a locked account commits a write as a wrong password does: " + lockedIds);
    }

    private long idsHandedOutDuring(Supplier<Response> refusedLogin) {
        long before = nextTransactionId();
        assertEquals(401, refusedLogin.get().statusCode());
        return nextTransactionId() - before;
    }

    private long nextTransactionId() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT txid_snapshot_xmax(txid_current_snapshot())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

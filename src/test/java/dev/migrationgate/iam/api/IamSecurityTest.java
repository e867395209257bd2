package dev.migrationgate.iam.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.iam.AuditAction;
import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserAgentPermission;
import dev.migrationgate.iam.UserRole;
import dev.migrationgate.testdb.GateAwait;
import dev.migrationgate.testdb.Http;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The secured IAM API on a real database: the role matrix (every endpoint × anonymous, user, admin,
 * sysadmin), one 401 for every kind of refused login, lockout and unlock by time with a clock the test
 * moves, the throttled last login, the server-written audit trail and the bootstrap sysadmin.
 */
@QuarkusTest
@TestProfile(IamProfiles.Bootstrapped.class)
class IamSecurityTest {

    private static final String CLIENT_IP = "127.0.0.1";
    /** Quarkus writes the scheme in lower case; schemes are case-insensitive (RFC 9110). */
    private static final String CHALLENGE = "basic realm=\"migration-gate\"";

    @Inject
    GateState gate;

    @Inject
    SettableClock clock;

    @TestHTTPResource("/")
    URL apiUrl;

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    private TestAccounts.Account sysadmin;
    private TestAccounts.Account admin;
    private TestAccounts.Account user;

    @BeforeEach
    void accounts() throws InterruptedException {
        GateAwait.passed(gate);
        TestAccounts.basic(IamProfiles.Bootstrapped.ADMIN_EMAIL, IamProfiles.Bootstrapped.ADMIN_PASSWORD)
                .get("/api/users").then().statusCode(200);
        User root = QuarkusTransaction.requiringNew().call(() -> User.findByEmail(IamProfiles.Bootstrapped.ADMIN_EMAIL));
        sysadmin = new TestAccounts.Account(root.id, root.email, IamProfiles.Bootstrapped.ADMIN_PASSWORD, root.role);
        admin = TestAccounts.create("admin", UserRole.ADMIN);
        user = TestAccounts.create("user", UserRole.USER);
    }

    @Test
    void bootstrapSysadminComesFromTheVariablesWithItsCreationAudited() {
        User root = TestAccounts.load(sysadmin.id());
        assertEquals("root@example.com", root.email, "stored normalised");
        assertEquals(UserRole.SYSADMIN, root.role);
        assertTrue(root.passwordHash.startsWith("$2a$04$"), root.passwordHash);
        AuditLog created = TestAccounts.auditOf(root.id).get(0);
        assertEquals(AuditAction.CREATE, created.action);
        assertEquals(root.id.toString(), created.resourceId);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> User.count("email", "root@example.com")));
        TestAccounts.basic("root@example.com", "postgres").get("/api/users").then().statusCode(401);
    }

    private record Case(String name, int anonymous, int user, int admin, int sysadmin,
            BiFunction<RequestSpecification, TestAccounts.Account, Response> call) {
    }

    @Test
    void roleMatrixHoldsForEveryEndpointAndCaller() {
        TestAccounts.Account someUser = TestAccounts.create("some-user", UserRole.USER);
        TestAccounts.Account someAdmin = TestAccounts.create("some-admin", UserRole.ADMIN);
        List<Case> cases = List.of(
                new Case("GET /api/users", 401, 200, 200, 200, (r, me) -> r.get("/api/users")),
                new Case("GET own account", 401, 200, 200, 200,
                        (r, me) -> r.get("/api/users/" + orElse(me, someUser).id())),
                new Case("GET a user account", 401, 403, 200, 200, (r, me) -> r.get("/api/users/" + someUser.id())),
                new Case("GET an admin account", 401, 403, 403, 200, (r, me) -> r.get("/api/users/" + someAdmin.id())),
                new Case("POST a user", 401, 403, 201, 201, (r, me) -> createAs(r, "user")),
                new Case("POST an admin", 401, 403, 403, 201, (r, me) -> createAs(r, "admin")),
                new Case("POST a sysadmin", 401, 403, 403, 201, (r, me) -> createAs(r, "sysadmin")),
                new Case("PATCH a user to admin", 401, 403, 403, 200,
                        (r, me) -> patch(r, TestAccounts.create("promoted", UserRole.USER), "{\"role\":\"admin\"}")),
                new Case("PATCH own role one step up", 401, 403, 403, 200,
                        (r, me) -> patch(r, orElse(me, someUser), "{\"role\":\"" + oneUp(orElse(me, someUser).role()) + "\"}")),
                new Case("PATCH own password", 401, 200, 200, 200,
                        (r, me) -> patch(r, orElse(me, someUser), "{\"password\":\"" + orElse(me, someUser).password() + "\"}")),
                new Case("PATCH an admin's password", 401, 403, 403, 200,
                        (r, me) -> patch(r, TestAccounts.create("patched", UserRole.ADMIN), "{\"password\":\"new-secret-1\"}")),
                new Case("DELETE a user", 401, 403, 204, 204,
                        (r, me) -> r.delete("/api/users/" + TestAccounts.create("doomed", UserRole.USER).id())),
                new Case("DELETE an admin", 401, 403, 403, 204,
                        (r, me) -> r.delete("/api/users/" + TestAccounts.create("doomed", UserRole.ADMIN).id())),
                new Case("GET own grants", 401, 200, 200, 200,
                        (r, me) -> r.get("/api/users/" + orElse(me, someUser).id() + "/agent-permissions")),
                new Case("GET a user's grants", 401, 403, 200, 200,
                        (r, me) -> r.get("/api/users/" + someUser.id() + "/agent-permissions")),
                new Case("GET an admin's grants", 401, 403, 403, 200,
                        (r, me) -> r.get("/api/users/" + someAdmin.id() + "/agent-permissions")),
                new Case("POST a grant to a user", 401, 403, 201, 201,
                        (r, me) -> grant(r, TestAccounts.create("grantee", UserRole.USER).id())),
                new Case("POST a grant to an admin", 401, 403, 403, 201,
                        (r, me) -> grant(r, TestAccounts.create("grantee", UserRole.ADMIN).id())),
                new Case("DELETE a user's grant", 401, 403, 204, 204, (r, me) -> {
                    UUID holder = TestAccounts.create("holder", UserRole.USER).id();
                    return r.delete("/api/users/" + holder + "/agent-permissions/" + storedGrant(holder));
                }),
                new Case("GET /api/audit-logs", 401, 200, 200, 200, (r, me) -> r.get("/api/audit-logs")),
                new Case("POST /api/audit-logs", 405, 405, 405, 405, (r, me) -> r.contentType(ContentType.JSON)
                        .body("{\"actorId\":\"" + someUser.id() + "\",\"action\":\"login\",\"resourceType\":\"x\"}")
                        .post("/api/audit-logs")));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            check(wrong, c, "anonymous", c.anonymous(), null);
            check(wrong, c, "user", c.user(), user);
            check(wrong, c, "admin", c.admin(), admin);
            check(wrong, c, "sysadmin", c.sysadmin(), sysadmin);
        }
        assertTrue(wrong.isEmpty(), "role matrix violations:\n" + String.join("\n", wrong));
    }

    private static void check(List<String> wrong, Case c, String caller, int expected, TestAccounts.Account me) {
        Response answer = c.call().apply(me == null ? given() : me.request(), me);
        if (answer.statusCode() != expected) {
            wrong.add(c.name() + " as " + caller + ": expected " + expected + ", got " + answer.statusCode() + " "
                    + answer.asString());
        } else if (expected == 401 || expected == 403) {
            String error = answer.jsonPath().getString("error");
            if (!(expected == 401 ? "unauthorized" : "forbidden").equals(error)) {
                wrong.add(c.name() + " as " + caller + ": " + expected + " without the JSON error shape: "
                        + answer.asString());
            }
        }
    }

    @Test
    void everyRefusedLoginGetsTheSame401AndWritesOnlyTheFailureCounter() {
        TestAccounts.Account target = TestAccounts.create("target", UserRole.USER);
        String overLong = "x".repeat(100);
        List<RequestSpecification> attempts = List.of(
                given(),
                given().header("Authorization", "Basic !!!not-base64!!!"),
                given().header("Authorization", "Basic " + b64("no-colon-here")),
                given().header("Authorization", "Bearer some-token"),
                given().header("Authorization", "Basic"),
                TestAccounts.basic("nobody-" + UUID.randomUUID() + "@example.com", target.password()),
                TestAccounts.basic("jürgen@example.com", target.password()),
                TestAccounts.basic(target.email(), "wrong-password"),
                TestAccounts.basic(target.email(), ""),
                TestAccounts.basic(target.email(), overLong));
        long auditBefore = TestAccounts.auditCount();
        User before = TestAccounts.load(target.id());
        String firstBody = null;
        for (RequestSpecification attempt : attempts) {
            Response answer = attempt.get("/api/users");
            assertEquals(401, answer.statusCode(), answer.asString());
            assertTrue(CHALLENGE.equalsIgnoreCase(answer.header("WWW-Authenticate")), answer.headers().toString());
            assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
            assertFalse(answer.asString().contains("Exception"), answer.asString());
            if (firstBody == null) {
                firstBody = answer.asString();
            }
            assertEquals(firstBody, answer.asString(), "every 401 says the same");
        }
        User after = TestAccounts.load(target.id());
        assertEquals(3, after.failedLoginCount, "wrong, empty and over-long password count as failures");
        assertNull(after.lockedUntil);
        assertEquals(before.updatedAt, after.updatedAt);
        assertNull(after.lastLoginAt);
        assertEquals(auditBefore, TestAccounts.auditCount(), "a refused login writes no audit entry");
    }

    @Test
    void forbiddenAnswersInTheJsonErrorShape() {
        user.request().contentType(ContentType.JSON)
                .body("{\"email\":\"x-" + UUID.randomUUID() + "@example.com\",\"password\":\"long-enough\",\"role\":\"user\"}")
                .post("/api/users").then().statusCode(403).contentType(ContentType.JSON)
                .body("error", org.hamcrest.Matchers.equalTo("forbidden"));
        user.request().get("/api/users/" + admin.id()).then().statusCode(403).contentType(ContentType.JSON)
                .body("error", org.hamcrest.Matchers.equalTo("forbidden"));
    }

    @Test
    void fiveFailuresLockTheAccountFor15MinutesByTheClockThenItOpensAgain() {
        TestAccounts.Account target = TestAccounts.create("lockable", UserRole.USER);
        for (int i = 0; i < 4; i++) {
            TestAccounts.basic(target.email(), "wrong").get("/api/users").then().statusCode(401);
        }
        assertEquals(4, TestAccounts.load(target.id()).failedLoginCount);
        target.request().get("/api/users").then().statusCode(200);
        assertEquals(0, TestAccounts.load(target.id()).failedLoginCount, "a success resets the counter");
        LocalDateTime lastLogin = TestAccounts.load(target.id()).lastLoginAt;

        for (int i = 0; i < 4; i++) {
            TestAccounts.basic(target.email(), "wrong").get("/api/users").then().statusCode(401);
        }
        assertNull(TestAccounts.load(target.id()).lockedUntil);
        LocalDateTime before = utcNow();
        TestAccounts.basic(target.email(), "wrong").get("/api/users").then().statusCode(401);
        LocalDateTime after = utcNow();
        User locked = TestAccounts.load(target.id());
        assertNotNull(locked.lockedUntil, "locked after the fifth consecutive failure");
        assertFalse(locked.lockedUntil.isBefore(before.plusMinutes(15)), locked.lockedUntil + " vs " + before);
        assertFalse(locked.lockedUntil.isAfter(after.plusMinutes(15)), locked.lockedUntil + " vs " + after);
        assertEquals(0, locked.failedLoginCount);

        target.request().get("/api/users").then().statusCode(401);
        clock.advance(Duration.ofMinutes(14));
        target.request().get("/api/users").then().statusCode(401);
        User stillLocked = TestAccounts.load(target.id());
        assertEquals(locked.lockedUntil, stillLocked.lockedUntil, "attempts while locked write nothing");
        assertEquals(0, stillLocked.failedLoginCount);
        assertEquals(lastLogin, stillLocked.lastLoginAt);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        target.request().get("/api/users").then().statusCode(200);
        assertTrue(TestAccounts.load(target.id()).lastLoginAt.isAfter(lastLogin.plusMinutes(15)),
                "the login after the lock is recorded");
    }

    @Test
    void concurrentFailuresAreCountedExactly() throws Exception {
        TestAccounts.Account target = TestAccounts.create("raced", UserRole.USER);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(apiUrl + "api/users"))
                .header("Authorization", "Basic " + b64(target.email() + ":wrong")).timeout(Duration.ofSeconds(30))
                .build();
        int attempts = 5;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(wrong, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(TestAccounts.load(target.id()).lockedUntil,
                "five concurrent failures must all count and lock the account");
    }

    @Test
    void lastLoginIsWrittenAtMostOncePerMinuteWithALoginAuditEntry() {
        TestAccounts.Account target = TestAccounts.create("regular", UserRole.USER);
        target.request().get("/api/users").then().statusCode(200);
        LocalDateTime first = TestAccounts.load(target.id()).lastLoginAt;
        assertNotNull(first);
        target.request().get("/api/users").then().statusCode(200);
        assertEquals(first, TestAccounts.load(target.id()).lastLoginAt, "throttled within the minute");
        List<AuditLog> logins = TestAccounts.auditOf(target.id());
        assertEquals(1, logins.size(), logins.toString());
        assertEquals(AuditAction.LOGIN, logins.get(0).action);
        assertEquals("session", logins.get(0).resourceType);
        assertEquals(CLIENT_IP, logins.get(0).ipAddress);

        clock.advance(Duration.ofSeconds(61));
        target.request().get("/api/users").then().statusCode(200);
        LocalDateTime second = TestAccounts.load(target.id()).lastLoginAt;
        assertTrue(second.isAfter(first.plusSeconds(60)), first + " then " + second);
        assertEquals(2, TestAccounts.auditOf(target.id()).size());
    }

    @Test
    void everyChangeIsAuditedWithTheAuthenticatedActorAndClientAddress() {
        String created = createAs(admin.request(), "user").then().statusCode(201).extract().path("id");
        patch(admin.request(), new TestAccounts.Account(UUID.fromString(created), "", "", UserRole.USER),
                "{\"password\":\"changed-secret\"}").then().statusCode(200);
        String grant = grant(admin.request(), UUID.fromString(created)).then().statusCode(201).extract().path("id");
        admin.request().delete("/api/users/" + created + "/agent-permissions/" + grant).then().statusCode(204);
        admin.request().delete("/api/users/" + created).then().statusCode(204);

        List<AuditLog> entries = TestAccounts.auditOf(admin.id()).stream()
                .filter(e -> e.action != AuditAction.LOGIN).toList();
        assertEquals(List.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.PERMISSION_CHANGE,
                AuditAction.PERMISSION_CHANGE, AuditAction.DELETE), entries.stream().map(e -> e.action).toList());
        assertEquals(List.of("user", "user", "agent_permission", "agent_permission", "user"),
                entries.stream().map(e -> e.resourceType).toList());
        assertEquals(List.of(created, created, grant, grant, created), entries.stream().map(e -> e.resourceId).toList());
        entries.forEach(e -> assertEquals(CLIENT_IP, e.ipAddress, e.toString()));
        assertEquals(List.of(), TestAccounts.auditOf(UUID.fromString(created)), "the target is never the actor");
    }

    @Test
    void auditReadsAreFilteredByRole() {
        user.request().get("/api/users").then().statusCode(200);
        admin.request().get("/api/users").then().statusCode(200);
        sysadmin.request().get("/api/users").then().statusCode(200);

        Set<String> seenByUser = new HashSet<>(user.request().get("/api/audit-logs").then().statusCode(200)
                .extract().jsonPath().getList("actorId", String.class));
        assertEquals(Set.of(user.id().toString()), seenByUser);
        List<String> seenByAdmin = admin.request().get("/api/audit-logs").then().statusCode(200)
                .extract().jsonPath().getList("actorId", String.class);
        assertTrue(seenByAdmin.contains(user.id().toString()) && seenByAdmin.contains(admin.id().toString()),
                seenByAdmin.toString());
        assertFalse(seenByAdmin.contains(sysadmin.id().toString()), "an admin does not see a sysadmin's entries");
        List<String> seenBySysadmin = sysadmin.request().get("/api/audit-logs").then().statusCode(200)
                .extract().jsonPath().getList("actorId", String.class);
        assertTrue(seenBySysadmin.containsAll(List.of(user.id().toString(), admin.id().toString(),
                sysadmin.id().toString())), seenBySysadmin.toString());
        user.request().queryParam("actorId", sysadmin.id()).get("/api/audit-logs").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void passwordsOverBcryptsLimitAndNonAsciiEmailsAreRefusedAtCreation() {
        long users = TestAccounts.userCount();
        String seventyTwoBytes = "é".repeat(36);
        String seventyThreeBytes = seventyTwoBytes + "a";
        createWith("{\"email\":\"" + fresh() + "\",\"password\":\"\",\"role\":\"user\"}").then().statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.contains("password"));
        createWith("{\"email\":\"" + fresh() + "\",\"password\":\"" + seventyThreeBytes + "\",\"role\":\"user\"}")
                .then().statusCode(400).body("fields[0].field", org.hamcrest.Matchers.equalTo("password"))
                .body("fields[0].message", org.hamcrest.Matchers.containsString("72 bytes"));
        createWith("{\"email\":\"jürgen-" + UUID.randomUUID() + "@example.com\",\"password\":\"long-enough\",\"role\":\"user\"}")
                .then().statusCode(400).body("fields[0].field", org.hamcrest.Matchers.equalTo("email"));
        assertEquals(users, TestAccounts.userCount(), "refused requests write nothing");

        String email = fresh();
        createWith("{\"email\":\"" + email + "\",\"password\":\"" + seventyTwoBytes + "\",\"role\":\"user\"}")
                .then().statusCode(201);
        TestAccounts.basic(email, seventyTwoBytes).get("/api/users").then().statusCode(200);
        TestAccounts.basic(email, seventyThreeBytes).get("/api/users").then().statusCode(401);
    }

    @Test
    void aDeletedAccountsCredentialsAreRefused() {
        TestAccounts.Account doomed = TestAccounts.create("deleted", UserRole.USER);
        doomed.request().get("/api/users/" + doomed.id()).then().statusCode(200);
        sysadmin.request().delete("/api/users/" + doomed.id()).then().statusCode(204);
        long audit = TestAccounts.auditCount();
        doomed.request().get("/api/users/" + doomed.id()).then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.equalToIgnoringCase(CHALLENGE));
        assertEquals(audit, TestAccounts.auditCount());
        assertEquals(1, TestAccounts.auditOf(doomed.id()).size(), "its login entry outlives the account");
    }

    @Test
    void managementProbesNeedNoCredentials() {
        Http.Reply live = Http.at(managementUrl).get("/q/health/live");
        assertEquals(200, live.status(), live.toString());
    }

    private Response createWith(String body) {
        return sysadmin.request().contentType(ContentType.JSON).body(body).post("/api/users");
    }

    private static Response createAs(RequestSpecification request, String role) {
        return request.contentType(ContentType.JSON)
                .body("{\"email\":\"" + fresh() + "\",\"password\":\"long-enough\",\"role\":\"" + role + "\"}")
                .post("/api/users");
    }

    private static Response patch(RequestSpecification request, TestAccounts.Account target, String body) {
        return request.contentType(ContentType.JSON).body(body).patch("/api/users/" + target.id());
    }

    private static Response grant(RequestSpecification request, UUID holder) {
        return request.contentType(ContentType.JSON).body("{\"agentId\":\"agent-" + UUID.randomUUID() + "\"}")
                .post("/api/users/" + holder + "/agent-permissions");
    }

    private static UUID storedGrant(UUID holder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserAgentPermission permission = new UserAgentPermission();
            permission.user = User.findById(holder);
            permission.agentId = "stored-agent";
            permission.grantedAt = LocalDateTime.now(ZoneOffset.UTC);
            permission.persistAndFlush();
            return permission.id;
        });
    }

    private static TestAccounts.Account orElse(TestAccounts.Account me, TestAccounts.Account other) {
        return me == null ? other : me;
    }

    private static String oneUp(UserRole role) {
        return role == UserRole.USER ? "admin" : "sysadmin";
    }

    private static String fresh() {
        return "new-" + UUID.randomUUID() + "@example.com";
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private LocalDateTime utcNow() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package dev.migrationgate.iam.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.iam.User;
import dev.migrationgate.iam.UserRole;
import dev.migrationgate.testdb.GateAwait;
import dev.migrationgate.testdb.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IAM REST API against the real database, as a sysadmin: values in JSON, clear 4xx, nothing half-written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IamApiTest {

    @Inject
    GateState gate;

    private TestAccounts.Account sysadmin;

    @BeforeEach
    void gatePassedAndSysadminExists() throws InterruptedException {
        GateAwait.passed(gate);
        sysadmin = TestAccounts.create("api-sysadmin", UserRole.SYSADMIN);
    }

    private RequestSpecification asSysadmin() {
        return sysadmin.request();
    }

    @Test
    void createdUserIsListedAndReadWithLowercaseRoleAndNoPassword() {
        String id = createUser("alice@example.com", "admin");
        asSysadmin().get("/api/users/" + id).then().statusCode(200)
                .body("email", equalTo("alice@example.com"))
                .body("role", equalTo("admin"))
                .body("createdAt", containsString("Z"))
                .body("passwordHash", nullValue())
                .body("password", nullValue());
        asSysadmin().get("/api/users").then().statusCode(200).body("email", hasItem("alice@example.com"));
        String stored = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(UUID.fromString(id)).passwordHash);
        assertTrue(stored.startsWith("$2a$04$"), "bcrypt hash at the test profile's cost 4 expected, got " + stored);
    }

    @Test
    void upperCaseRoleIsRefusedNamingFieldAndAllowedValues() {
        long before = TestAccounts.userCount();
        asSysadmin().contentType(ContentType.JSON)
                .body("{\"email\":\"bob@example.com\",\"password\":\"correct-horse\",\"role\":\"ADMIN\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields[0].field", equalTo("role"))
                .body("fields[0].allowed", contains("sysadmin", "admin", "user"));
        assertEquals(before, TestAccounts.userCount());
    }

    @Test
    void malformedEmailAndMissingFieldsAreNamed() {
        asSysadmin().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"password\":\"correct-horse\",\"role\":\"user\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields.field", contains("email"));
        asSysadmin().contentType(ContentType.JSON).body("{\"email\":\"carol@example.com\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields.field", contains("password", "role"));
        asSysadmin().contentType(ContentType.JSON).post("/api/users").then().statusCode(400)
                .body("error", equalTo("missing_body"));
        asSysadmin().contentType(ContentType.JSON).body("{\"email\":").post("/api/users").then().statusCode(400)
                .body("error", equalTo("malformed_json"));
    }

    @Test
    void duplicateEmailIsAConflictAndKeepsTheFirstUser() {
        String id = createUser("dave@example.com", "user");
        asSysadmin().contentType(ContentType.JSON)
                .body("{\"email\":\"DAVE@example.com\",\"password\":\"another-secret\",\"role\":\"sysadmin\"}")
                .post("/api/users").then().statusCode(409).body("fields[0].field", equalTo("email"));
        asSysadmin().get("/api/users/" + id).then().statusCode(200).body("role", equalTo("user"));
    }

    @Test
    void unknownIdsAreNotFound() {
        UUID missing = UUID.randomUUID();
        asSysadmin().get("/api/users/" + missing).then().statusCode(404)
                .body("message", containsString(missing.toString()));
        asSysadmin().get("/api/users/not-a-uuid").then().statusCode(400).body("fields[0].field", equalTo("id"));
        asSysadmin().get("/api/users/" + missing + "/agent-permissions").then().statusCode(404);
    }

    @Test
    void auditEntriesCannotBePostedAnyMore() {
        long before = TestAccounts.auditCount();
        asSysadmin().contentType(ContentType.JSON)
                .body("{\"actorId\":\"" + sysadmin.id() + "\",\"action\":\"login\",\"resourceType\":\"session\"}")
                .post("/api/audit-logs").then().statusCode(405);
        assertEquals(before, TestAccounts.auditCount());
    }

    @Test
    void agentPermissionsAreGrantedListedAndRevoked() {
        String user = createUser("frank@example.com", "user");
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);
        String permission = asSysadmin().contentType(ContentType.JSON)
                .body("{\"agentId\":\"agent-7\",\"expiresAt\":\"" + soon.withOffsetSameInstant(ZoneOffset.ofHours(2)) + "\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(201)
                .body("expired", equalTo(false))
                .body("expiresSoon", equalTo(true))
                .extract().path("id");
        asSysadmin().contentType(ContentType.JSON).body("{\"agentId\":\"agent-7\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(409)
                .body("fields[0].field", equalTo("agentId"));
        asSysadmin().contentType(ContentType.JSON).body("{\"agentId\":\"agent-8\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(400)
                .body("fields[0].field", equalTo("expiresAt"));
        asSysadmin().get("/api/users/" + user + "/agent-permissions").then().statusCode(200)
                .body("agentId", contains("agent-7"));
        asSysadmin().delete("/api/users/" + user + "/agent-permissions/" + permission).then().statusCode(204);
        asSysadmin().delete("/api/users/" + user + "/agent-permissions/" + permission).then().statusCode(404);
        asSysadmin().get("/api/users/" + user + "/agent-permissions").then().statusCode(200).body("$", hasSize(0));
    }

    private String createUser(String email, String role) {
        return asSysadmin().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"correct-horse\",\"role\":\"" + role + "\"}")
                .post("/api/users").then().statusCode(201).body("role", equalTo(role))
                .extract().path("id");
    }
}

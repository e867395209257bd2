package dev.migrationgate.iam.api;

import dev.migrationgate.gate.GateState;
import dev.migrationgate.testdb.GateAwait;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationgate.iam.AuditLog;
import dev.migrationgate.iam.User;
import dev.migrationgate.testdb.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The IAM REST API against the real database: values in JSON, clear 4xx, nothing half-written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IamApiTest {

    @Inject
    GateState gate;

    @BeforeEach
    void gatePassed() throws InterruptedException {
        GateAwait.passed(gate);
    }

    @Test
    void createdUserIsListedAndReadWithLowercaseRoleAndNoPassword() {
        String id = createUser("alice@example.com", "admin");
        given().get("/api/users/" + id).then().statusCode(200)
                .body("email", equalTo("alice@example.com"))
                .body("role", equalTo("admin"))
                .body("createdAt", containsString("Z"))
                .body("passwordHash", nullValue())
                .body("password", nullValue());
        given().get("/api/users").then().statusCode(200).body("email", hasItem("alice@example.com"));
        String stored = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(UUID.fromString(id)).passwordHash);
        org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("$2"), "bcrypt hash expected, got " + stored);
    }

    @Test
    void upperCaseRoleIsRefusedNamingFieldAndAllowedValues() {
        long before = userCount();
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"bob@example.com\",\"password\":\"correct-horse\",\"role\":\"ADMIN\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields[0].field", equalTo("role"))
                .body("fields[0].allowed", contains("sysadmin", "admin", "user"));
        assertEquals(before, userCount());
    }

    @Test
    void malformedEmailAndMissingFieldsAreNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"password\":\"correct-horse\",\"role\":\"user\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields.field", contains("email"));
        given().contentType(ContentType.JSON).body("{\"email\":\"carol@example.com\"}")
                .post("/api/users").then().statusCode(400)
                .body("fields.field", contains("password", "role"));
        given().contentType(ContentType.JSON).post("/api/users").then().statusCode(400)
                .body("error", equalTo("missing_body"));
        given().contentType(ContentType.JSON).body("{\"email\":").post("/api/users").then().statusCode(400)
                .body("error", equalTo("malformed_json"));
    }

    @Test
    void duplicateEmailIsAConflictAndKeepsTheFirstUser() {
        String id = createUser("dave@example.com", "user");
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"DAVE@example.com\",\"password\":\"another-secret\",\"role\":\"sysadmin\"}")
                .post("/api/users").then().statusCode(409).body("fields[0].field", equalTo("email"));
        given().get("/api/users/" + id).then().statusCode(200).body("role", equalTo("user"));
    }

    @Test
    void unknownIdsAreNotFoundOrUnknownReference() {
        UUID missing = UUID.randomUUID();
        given().get("/api/users/" + missing).then().statusCode(404).body("message", containsString(missing.toString()));
        given().get("/api/users/not-a-uuid").then().statusCode(400).body("fields[0].field", equalTo("id"));
        long before = auditCount();
        given().contentType(ContentType.JSON)
                .body("{\"actorId\":\"" + missing + "\",\"action\":\"login\",\"resourceType\":\"session\"}")
                .post("/api/audit-logs").then().statusCode(422).body("fields[0].field", equalTo("actorId"));
        assertEquals(before, auditCount());
        given().get("/api/users/" + missing + "/agent-permissions").then().statusCode(404);
    }

    @Test
    void auditEntriesAreRecordedWithLowercaseActionAndListedPerActor() {
        String actor = createUser("erin@example.com", "user");
        given().contentType(ContentType.JSON)
                .body("{\"actorId\":\"" + actor + "\",\"action\":\"permission_change\",\"resourceType\":\"agent\","
                        + "\"ipAddress\":\"2001:db8::1\"}")
                .post("/api/audit-logs").then().statusCode(201)
                .body("action", equalTo("permission_change"))
                .body("timestamp", notNullValue());
        given().contentType(ContentType.JSON)
                .body("{\"actorId\":\"" + actor + "\",\"action\":\"PERMISSION_CHANGE\",\"resourceType\":\"agent\"}")
                .post("/api/audit-logs").then().statusCode(400)
                .body("fields[0].field", equalTo("action"))
                .body("fields[0].allowed", hasItem("permission_change"));
        given().queryParam("actorId", actor).get("/api/audit-logs").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].ipAddress", equalTo("2001:db8::1"));
    }

    @Test
    void agentPermissionsAreGrantedListedAndRevoked() {
        String user = createUser("frank@example.com", "user");
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);
        String permission = given().contentType(ContentType.JSON)
                .body("{\"agentId\":\"agent-7\",\"expiresAt\":\"" + soon.withOffsetSameInstant(ZoneOffset.ofHours(2)) + "\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(201)
                .body("expired", equalTo(false))
                .body("expiresSoon", equalTo(true))
                .extract().path("id");
        given().contentType(ContentType.JSON).body("{\"agentId\":\"agent-7\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(409)
                .body("fields[0].field", equalTo("agentId"));
        given().contentType(ContentType.JSON).body("{\"agentId\":\"agent-8\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}")
                .post("/api/users/" + user + "/agent-permissions").then().statusCode(400)
                .body("fields[0].field", equalTo("expiresAt"));
        given().get("/api/users/" + user + "/agent-permissions").then().statusCode(200)
                .body("agentId", contains("agent-7"));
        given().delete("/api/users/" + user + "/agent-permissions/" + permission).then().statusCode(204);
        given().delete("/api/users/" + user + "/agent-permissions/" + permission).then().statusCode(404);
        given().get("/api/users/" + user + "/agent-permissions").then().statusCode(200).body("$", hasSize(0));
    }

    private static String createUser(String email, String role) {
        return given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"password\":\"correct-horse\",\"role\":\"" + role + "\"}")
                .post("/api/users").then().statusCode(201).body("role", equalTo(role))
                .extract().path("id");
    }

    private static long userCount() {
        return QuarkusTransaction.requiringNew().call(() -> User.count());
    }

    private static long auditCount() {
        return QuarkusTransaction.requiringNew().call(() -> AuditLog.count());
    }
}

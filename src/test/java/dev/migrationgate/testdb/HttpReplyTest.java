package dev.migrationgate.testdb;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrationgate.testdb.Http.Reply;
import org.junit.jupiter.api.Test;

/** The credential detector the scenario tests rely on finds what it must and passes redacted text. */
class HttpReplyTest {

    private static Reply body(String body) {
        return new Reply(200, null, "application/json", body);
    }

    @Test
    void detectsThePasswordAnywhereInTheBody() {
        assertThrows(AssertionError.class, () -> body("{\"detail\":\"auth failed for s3cretpw\"}").assertNoCredentials("s3cretpw"));
    }

    @Test
    void detectsUrlsWithUserInfoAndPasswordParameters() {
        assertThrows(AssertionError.class, () -> body("{\"detail\":\"postgresql://app:x@db:5432/iam\"}")
                .assertNoCredentials("other"));
        assertThrows(AssertionError.class, () -> body("{\"detail\":\"jdbc:postgresql://db/iam?password=x\"}")
                .assertNoCredentials("other"));
    }

    @Test
    void passesRedactedUrlsAndPlainText() {
        assertDoesNotThrow(() -> body("{\"detail\":\"postgresql://***@db:5432/iam?password=*** refused\"}")
                .assertNoCredentials("s3cretpw"));
        assertDoesNotThrow(() -> body("{\"detail\":\"jdbc:postgresql://db:5432/iam refused\"}")
                .assertNoCredentials("s3cretpw"));
    }
}

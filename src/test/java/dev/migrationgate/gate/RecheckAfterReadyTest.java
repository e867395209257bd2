package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.Http;
import dev.migrationgate.testdb.Http.Reply;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code POST /q/gate/recheck} on a passed gate re-validates now and answers with that report, at most once a second. */
@QuarkusTest
@TestProfile(GateScenarios.Ready.class)
class RecheckAfterReadyTest {

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @Inject
    RuntimeValidation runtime;

    @Test
    void recheckAnswersWithAFreshReportAndAnImmediateSecondOneIsRateLimited() {
        Http management = Http.at(managementUrl);
        management.awaitGate("passed");
        long before = runtime.validations();
        Instant asked = Instant.now();

        Reply first = management.post("/q/gate/recheck");
        Reply second = management.post("/q/gate/recheck");

        assertEquals(200, first.status(), first.toString());
        assertEquals("passed", first.json().getString("status"), first.toString());
        assertEquals("ready", first.json().getString("phase"), first.toString());
        assertTrue(first.json().getList("findings.stage").stream().allMatch("runtime"::equals), first.toString());
        Instant checkedAt = Instant.parse(first.json().getString("checkedAt"));
        assertTrue(!checkedAt.isBefore(asked), "the report predates the recheck: " + checkedAt + " < " + asked);
        assertTrue(runtime.validations() > before, "the recheck did not validate");

        assertEquals(429, second.status(), second.toString());
        assertNotNull(second.retryAfter(), "429 without Retry-After: " + second);
        assertTrue(Integer.parseInt(second.retryAfter()) > 0, second.toString());
    }
}

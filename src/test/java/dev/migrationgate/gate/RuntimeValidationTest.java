package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.ValidationCompleted.Outcome;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.CapturedLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The scheduling of readiness validations, with validations the test completes by hand: a forced refresh
 * never answers with a validation that started before it, and a validation past the timeout is cancelled
 * (which releases its connection) before the next one starts.
 */
class RuntimeValidationTest {

    static final Duration TTL = Duration.ofMinutes(1);
    static final Duration WAIT = Duration.ofSeconds(10);

    final List<CompletableFuture<GateReport>> started = new ArrayList<>();
    final List<ValidationCompleted> announced = new ArrayList<>();

    RuntimeValidation runtime(Duration timeout) {
        return new RuntimeValidation(() -> {
            CompletableFuture<GateReport> validation = new CompletableFuture<>();
            synchronized (started) {
                started.add(validation);
            }
            return validation;
        }, TTL, timeout, Clock.systemUTC(), completed -> {
            synchronized (announced) {
                announced.add(completed);
            }
        });
    }

    @Test
    void refreshWaitsForAValidationThatStartedBeforeItAndAnswersWithANewOne() throws Exception {
        RuntimeValidation runtime = runtime(Duration.ofMinutes(1));
        CompletableFuture<GateReport> probe = runtime.current().toCompletableFuture();
        CompletableFuture<GateReport> recheck = runtime.refresh().toCompletableFuture();
        assertEquals(1, started.size(), "the refresh waits for the running validation before starting its own");

        GateReport before = report("before the recheck");
        started.get(0).complete(before);
        assertSame(before, probe.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertFalse(recheck.isDone(), "the recheck must not answer with the validation that started before it");
        assertEquals(2, started.size());

        GateReport after = report("after the recheck");
        started.get(1).complete(after);
        assertSame(after, recheck.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertSame(after, runtime.current().toCompletableFuture().getNow(null), "and it is cached");
    }

    @Test
    void aChangeOfTheAnswerIsLoggedOnceNotEveryValidation() throws Exception {
        try (CapturedLog log = CapturedLog.of(RuntimeValidation.class)) {
            RuntimeValidation runtime = runtime(Duration.ofMinutes(1));
            Finding drift = Finding.of(FindingCode.ENUM_CASE_MISMATCH, "userrole", "admin", "ADMIN",
                    "names stored instead of values", null);
            Finding gone = Finding.of(FindingCode.DATABASE_UNREACHABLE, "database", "reachable", "refused",
                    "the database refused", null);
            List<GateReport> answers = List.of(report("ready"), report("drifted", drift), report("drifted", drift),
                    report("gone", drift, gone), report("ready"), report("ready"));
            for (int i = 0; i < answers.size(); i++) {
                CompletableFuture<GateReport> answer = runtime.refresh().toCompletableFuture();
                started.get(i).complete(answers.get(i));
                answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            long self = Thread.currentThread().getId();
            List<String> lines = log.records().stream().filter(r -> r.threadId() == self)
                    .map(r -> (r.level().intValue() >= Level.WARNING.intValue() ? "warning " : "info ") + r.message())
                    .toList();
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("warning Readiness re-validation fails") && lines.get(0)
                    .contains("ENUM_CASE_MISMATCH"), lines.get(0));
            assertTrue(lines.get(1).contains("DATABASE_UNREACHABLE"), "the blocking findings changed: " + lines.get(1));
            assertEquals("info Readiness re-validation passes again: the service is ready", lines.get(2));
        }
    }

    @Test
    void validationPastTheTimeoutIsCancelledAndReportedBeforeAnotherStarts() throws Exception {
        RuntimeValidation runtime = runtime(Duration.ofMillis(200));
        GateReport timedOut = runtime.current().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertTrue(started.get(0).isCancelled(), "the abandoned validation is cancelled");
        assertEquals(List.of(FindingCode.DATABASE_UNREACHABLE), timedOut.findings().stream().map(f -> f.code()).toList());
        assertEquals(Outcome.TIMEOUT, runtime.lastCompletion().orElseThrow().outcome());
        assertEquals(1, started.size(), "the timed-out report is cached for the TTL");

        CompletableFuture<GateReport> recheck = runtime.refresh().toCompletableFuture();
        assertEquals(2, started.size());
        GateReport passed = report("healthy again");
        started.get(1).complete(passed);
        assertSame(passed, recheck.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Outcome.PASSED, runtime.lastCompletion().orElseThrow().outcome());
        assertEquals(List.of(Outcome.TIMEOUT, Outcome.PASSED), outcomes(), "each validation is announced once");
    }

    @Test
    void blockingFindingAndFailingValidatorAreAnnouncedAsFailedAndError() throws Exception {
        RuntimeValidation runtime = runtime(Duration.ofMinutes(1));
        CompletableFuture<GateReport> first = runtime.current().toCompletableFuture();
        started.get(0).complete(report("drifted", Finding.of(FindingCode.ENUM_CASE_MISMATCH, "userrole", "admin",
                "ADMIN", "names stored instead of values", null)));
        assertFalse(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).passed());

        CompletableFuture<GateReport> second = runtime.refresh().toCompletableFuture();
        started.get(1).completeExceptionally(new IllegalStateException("a bug in a check"));
        GateReport failed = second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(FindingCode.GATE_INTERNAL_ERROR), failed.findings().stream().map(f -> f.code()).toList());
        assertEquals(List.of(Outcome.FAILED, Outcome.ERROR), outcomes());
    }

    private List<Outcome> outcomes() {
        synchronized (announced) {
            return announced.stream().map(ValidationCompleted::outcome).toList();
        }
    }

    private static GateReport report(String phase, Finding... findings) {
        return BlockingPolicy.standard().report(phase, Map.of(),
                List.of(findings).stream().map(f -> f.at(Stage.RUNTIME)).toList(), Instant.now());
    }
}

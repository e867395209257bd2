package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.ValidationCompleted.Outcome;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every validation is announced exactly once, with the outcome readiness sees. */
class ObservedValidationTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    final List<ValidationCompleted> announced = new CopyOnWriteArrayList<>();

    @Test
    void announcesAPassedValidationWithItsReport() throws Exception {
        GateReport report = report(Finding.of(FindingCode.ENUM_ORDER_DIFFERS, "userrole", "a", "b", "order", null));
        GateReport seen = observe(CompletableFuture.completedFuture(report)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertSame(report, seen, "the validation's own result is handed on");
        ValidationCompleted completed = awaitOne();
        assertEquals(Outcome.PASSED, completed.outcome(), "a warning does not block");
        assertSame(report, completed.report().orElseThrow());
    }

    @Test
    void announcesABlockingFindingAsFailed() throws Exception {
        GateReport report = report(Finding.of(FindingCode.ENUM_CASE_MISMATCH, "userrole", "admin", "ADMIN", "case", null));
        observe(CompletableFuture.completedFuture(report));
        assertEquals(Outcome.FAILED, awaitOne().outcome());
    }

    @Test
    void announcesAFailedValidationAsErrorWithoutReport() throws Exception {
        observe(CompletableFuture.failedFuture(new IllegalStateException("connection refused")));
        ValidationCompleted completed = awaitOne();
        assertEquals(Outcome.ERROR, completed.outcome());
        assertTrue(completed.report().isEmpty());
    }

    @Test
    void announcesAHungValidationOnceAsTimeoutAndIgnoresItsLateResult() throws Exception {
        CompletableFuture<GateReport> hung = new CompletableFuture<>();
        observe(hung);
        ValidationCompleted completed = awaitOne();
        assertEquals(Outcome.TIMEOUT, completed.outcome());
        assertEquals(TIMEOUT, completed.took());
        hung.complete(report());
        assertEquals(1, announced.size(), "a late result is not announced again: " + announced);
    }

    private CompletionStage<GateReport> observe(CompletableFuture<GateReport> validation) {
        return new ObservedValidation(() -> validation, TIMEOUT, announced::add).get();
    }

    private ValidationCompleted awaitOne() {
        Poll.until("an announced validation", Duration.ofSeconds(5), () -> List.copyOf(announced), l -> !l.isEmpty());
        assertEquals(1, announced.size(), announced.toString());
        return announced.get(0);
    }

    private static GateReport report(Finding... findings) {
        return BlockingPolicy.standard().report(GatePhase.READY.label(), Map.of(),
                List.of(findings).stream().map(f -> f.at(Stage.RUNTIME)).toList(), Instant.now());
    }
}

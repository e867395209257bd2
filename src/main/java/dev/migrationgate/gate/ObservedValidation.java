package dev.migrationgate.gate;

import dev.migrationgate.report.GateReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wraps the readiness validator so every validation it starts is timed and announced exactly once as a
 * {@link ValidationCompleted}: when it ends, or as a timeout once {@code gate.check-timeout} has passed
 * (a late result is then not announced again). The validation itself and its result are untouched.
 */
public final class ObservedValidation implements Supplier<CompletionStage<GateReport>> {

    private final Supplier<CompletionStage<GateReport>> validator;
    private final Duration timeout;
    private final Consumer<ValidationCompleted> listener;

    public ObservedValidation(Supplier<CompletionStage<GateReport>> validator, Duration timeout,
            Consumer<ValidationCompleted> listener) {
        this.validator = validator;
        this.timeout = timeout;
        this.listener = listener;
    }

    @Override
    public CompletionStage<GateReport> get() {
        long start = System.nanoTime();
        CompletionStage<GateReport> validation;
        try {
            validation = validator.get();
        } catch (RuntimeException e) {
            validation = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ValidationCompleted> ended = new CompletableFuture<>();
        validation.whenComplete((report, failure) -> ended.complete(
                ValidationCompleted.of(report, failure, Duration.ofNanos(System.nanoTime() - start))));
        ended.completeOnTimeout(ValidationCompleted.timedOut(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(listener);
        return validation;
    }
}

package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.gate.ValidationCompleted.Outcome;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Readiness re-validation of the live catalog: at most one validation per {@code gate.cache-ttl} however
 * many probes arrive, one at a time (concurrent callers share it), and none longer than
 * {@code gate.check-timeout}: past it the validation is abandoned — cancelled, which releases its
 * connection — and reported as DATABASE_UNREACHABLE, and that report is cached like any other. A forced
 * {@link #refresh()} answers with a validation that started after it was asked for. A change of the answer
 * (ready to not ready with its findings, the blocking findings changing, ready again) is logged once, not
 * every probe.
 */
public class RuntimeValidation {

    private static final Logger LOG = Logger.getLogger(RuntimeValidation.class);

    private final Supplier<CompletionStage<GateReport>> validator;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private final Consumer<ValidationCompleted> listener;

    private GateReport cached;
    private Instant cachedAt;
    private long cachedSequence;
    private Validation inFlight;
    private long started;
    private ValidationCompleted lastCompletion;
    /** The newest validation's blocking findings (code and object): none while ready, as when readiness began. */
    private List<String> blocking = List.of();

    /** @param listener told once of every validation's end, outside the lock and before anyone waiting on it */
    public RuntimeValidation(Supplier<CompletionStage<GateReport>> validator, Duration ttl, Duration timeout,
            Clock clock, Consumer<ValidationCompleted> listener) {
        this.validator = validator;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
        this.listener = listener;
    }

    /** The latest report no older than the TTL, validating if needed; completes within the timeout. */
    public CompletionStage<GateReport> current() {
        synchronized (this) {
            if (cached != null && clock.instant().isBefore(cachedAt.plus(ttl))) {
                return CompletableFuture.completedFuture(cached);
            }
            return (inFlight != null ? inFlight : start()).result.copy();
        }
    }

    /**
     * Forgets the cached report and answers with a validation that started after this call: a validation
     * in flight, which started before, is waited for and followed by a new one.
     */
    public CompletionStage<GateReport> refresh() {
        synchronized (this) {
            cached = null;
            long needed = started + 1;
            if (inFlight == null) {
                return start().result.copy();
            }
            return inFlight.result.handle((report, failure) -> needed).thenCompose(this::startedSince);
        }
    }

    /** How many validations have been started since boot. */
    public synchronized long validations() {
        return started;
    }

    /** The newest finished report, if any. */
    public synchronized Optional<GateReport> latest() {
        return Optional.ofNullable(cached);
    }

    /** How the newest validation ended, if one has. */
    public synchronized Optional<ValidationCompleted> lastCompletion() {
        return Optional.ofNullable(lastCompletion);
    }

    private synchronized CompletionStage<GateReport> startedSince(long sequence) {
        if (inFlight != null && inFlight.sequence >= sequence) {
            return inFlight.result.copy();
        }
        if (cached != null && cachedSequence >= sequence) {
            return CompletableFuture.completedFuture(cached);
        }
        return (inFlight != null ? inFlight : start()).result.copy();
    }

    /** Starts a validation; the caller holds the lock and has checked that none is in flight. */
    private Validation start() {
        Validation validation = new Validation(++started, System.nanoTime());
        inFlight = validation;
        CompletableFuture<GateReport> work;
        try {
            work = validator.get().toCompletableFuture();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<GateReport> running = work;
        running.whenComplete((report, failure) -> {
            if (failure == null) {
                completed(validation, report, report.passed() ? Outcome.PASSED : Outcome.FAILED);
            } else if (!(failure instanceof CancellationException)) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                completed(validation, failed(GateFailures.finding(cause, "readiness re-validation", Stage.RUNTIME)),
                        Outcome.ERROR);
            }
        });
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!ended(validation)) {
                running.cancel(false);
            }
            completed(validation, timedOut(), Outcome.TIMEOUT);
        });
        return validation;
    }

    /** Whether {@code validation} has ended: an abandoned one is cancelled (its connection released) first. */
    private synchronized boolean ended(Validation validation) {
        return validation.ended;
    }

    /**
     * The one place a validation ends, whichever way: caches its report, records the outcome and duration,
     * and answers everyone waiting for it. Returns false when it had ended already.
     */
    private boolean completed(Validation validation, GateReport report, Outcome outcome) {
        ValidationCompleted ended;
        synchronized (this) {
            if (validation.ended) {
                return false;
            }
            List<String> before = blocking;
            blocking = blocking(report);
            logChange(before, blocking, report);
            validation.ended = true;
            if (inFlight == validation) {
                inFlight = null;
            }
            cached = report;
            cachedAt = clock.instant();
            cachedSequence = validation.sequence;
            lastCompletion = new ValidationCompleted(outcome,
                    Duration.ofNanos(System.nanoTime() - validation.startedNanos), report);
            ended = lastCompletion;
        }
        listener.accept(ended);
        validation.result.complete(report);
        return true;
    }

    /**
     * Logs the answer when its blocking findings differ from the previous validation's; under the lock, so two
     * validations ending together log in the order they ended.
     */
    private static void logChange(List<String> before, List<String> now, GateReport report) {
        if (now.equals(before)) {
            return;
        }
        if (now.isEmpty()) {
            LOG.info("Readiness re-validation passes again: the service is ready");
        } else {
            LOG.warn("Readiness re-validation fails, the service is not ready: " + GateReportLog.details(report));
        }
    }

    private static List<String> blocking(GateReport report) {
        return BlockingPolicy.standard().blocking(report.findings()).stream().map(f -> f.code() + " " + f.object())
                .sorted().toList();
    }

    private GateReport timedOut() {
        return unreachable("the re-validation did not finish within gate.check-timeout (" + timeout.toMillis()
                + " ms) and was abandoned");
    }

    private GateReport unreachable(String why) {
        return failed(Finding.of(FindingCode.DATABASE_UNREACHABLE, "database", "catalog readable", why,
                "Readiness could not re-validate the database: " + why, null).at(Stage.RUNTIME));
    }

    private GateReport failed(Finding finding) {
        return BlockingPolicy.standard().report(GatePhase.READY.label(), Map.of(), List.of(finding), clock.instant());
    }

    /** One validation: its place in the sequence of validations, its start and its result. */
    private static final class Validation {
        private final long sequence;
        private final long startedNanos;
        private final CompletableFuture<GateReport> result = new CompletableFuture<>();
        private boolean ended;

        Validation(long sequence, long startedNanos) {
            this.sequence = sequence;
            this.startedNanos = startedNanos;
        }
    }
}

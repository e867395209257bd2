package dev.migrationgate.gate;

import dev.migrationgate.check.BlockingPolicy;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Readiness re-validation of the live catalog: at most one validation per {@code gate.cache-ttl}
 * however many probes arrive, one in flight at a time (concurrent callers share it), and no caller
 * waits longer than {@code gate.check-timeout}: past it the caller gets a DATABASE_UNREACHABLE report
 * while the validation may still finish and fill the cache.
 */
public class RuntimeValidation {

    private final Supplier<CompletionStage<GateReport>> validator;
    private final Duration ttl;
    private final Duration timeout;
    private final Duration abandonAfter;
    private final Clock clock;

    private GateReport cached;
    private Instant cachedAt;
    private CompletableFuture<GateReport> inFlight;
    private Instant inFlightSince;
    private long validations;

    public RuntimeValidation(Supplier<CompletionStage<GateReport>> validator, Duration ttl, Duration timeout,
            Clock clock) {
        this.validator = validator;
        this.ttl = ttl;
        this.timeout = timeout;
        this.abandonAfter = timeout.multipliedBy(5).compareTo(ttl) > 0 ? timeout.multipliedBy(5) : ttl;
        this.clock = clock;
    }

    /** The latest report no older than the TTL, validating if needed; completes within the timeout. */
    public CompletionStage<GateReport> current() {
        CompletableFuture<GateReport> shared;
        synchronized (this) {
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cachedAt.plus(ttl))) {
                return CompletableFuture.completedFuture(cached);
            }
            shared = inFlight(now);
        }
        return shared.copy().completeOnTimeout(timedOut(), timeout.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Forgets the cached report and validates now (sharing an in-flight validation). */
    public CompletionStage<GateReport> refresh() {
        synchronized (this) {
            cached = null;
        }
        return current();
    }

    /** How many validations have been started since boot. */
    public synchronized long validations() {
        return validations;
    }

    /** The newest finished report, if any. */
    public synchronized java.util.Optional<GateReport> latest() {
        return java.util.Optional.ofNullable(cached);
    }

    private CompletableFuture<GateReport> inFlight(Instant now) {
        if (inFlight != null && !inFlight.isDone() && now.isBefore(inFlightSince.plus(abandonAfter))) {
            return inFlight;
        }
        CompletableFuture<GateReport> started = new CompletableFuture<>();
        inFlight = started;
        inFlightSince = now;
        validations++;
        CompletionStage<GateReport> validation;
        try {
            validation = validator.get();
        } catch (RuntimeException e) {
            validation = CompletableFuture.failedFuture(e);
        }
        validation.whenComplete((report, failure) -> {
            GateReport result = failure == null ? report : failed(
                    GateFailures.finding(failure, "readiness re-validation", Stage.RUNTIME));
            synchronized (this) {
                if (inFlight == started) {
                    cached = result;
                    cachedAt = clock.instant();
                }
            }
            started.complete(result);
        });
        return started;
    }

    private GateReport timedOut() {
        return unreachable("the re-validation did not finish within gate.check-timeout (" + timeout.toMillis()
                + " ms)");
    }

    private GateReport unreachable(String why) {
        return failed(Finding.of(FindingCode.DATABASE_UNREACHABLE, "database", "catalog readable", why,
                "Readiness could not re-validate the database: " + why, null).at(Stage.RUNTIME));
    }

    private GateReport failed(Finding finding) {
        return BlockingPolicy.standard().report(GatePhase.READY.label(), Map.of(), List.of(finding), clock.instant());
    }
}

package dev.migrationgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.GateReport;
import dev.migrationgate.report.GateStatus;
import dev.migrationgate.report.Stage;
import dev.migrationgate.testdb.Poll;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The worker's races from the review, forced: never two pipelines, never a torn state, never a dead worker by a bug. */
class GateWorkerRaceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void recheckLandingWhileAFinishedRunWindsDownDoesNotStartASecondPipeline() throws Exception {
        CountDownLatch windingDown = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GateState state = new GateState(Clock.systemUTC()) {
            @Override
            void workerDied(Throwable cause) {
                super.workerDied(cause);
                windingDown.countDown();
                await(release);
            }
        };
        GateWorker worker = worker(state, () -> {
            if (runs.get() == 1) {
                throw new AssertionError("the first run dies of an Error");
            }
            state.pass();
            return state.report();
        });

        assertTrue(worker.restart());
        assertTrue(windingDown.await(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertFalse(worker.restart(), "a recheck between the pipeline's end and the worker's release is refused");
        release.countDown();
        Poll.until("a recheck to be accepted once the worker let go", DEADLINE, worker::restart, accepted -> accepted);
        Poll.until("the second run to pass", DEADLINE, state::status, status -> status == GateStatus.PASSED);

        assertEquals(2, runs.get());
        assertEquals(1, mostAtOnce.get(), "never two pipelines at once");
    }

    @Test
    void unexpectedExceptionOutsideThePhasesFailsClosedAndTheWorkerSurvives() {
        GateState state = new GateState(Clock.systemUTC());
        GateWorker worker = worker(state, () -> {
            throw new IllegalStateException("a bug");
        });
        assertTrue(worker.restart());
        GateReport report = Poll.until("the gate to fail", DEADLINE, state::report,
                r -> r.status() == GateStatus.FAILED);
        assertEquals(List.of(FindingCode.GATE_INTERNAL_ERROR), report.findings().stream().map(f -> f.code()).toList());
        assertTrue(state.workerDeath().isEmpty(), "liveness stays UP");
        Poll.until("a recheck to be accepted", DEADLINE, worker::restart, accepted -> accepted);
    }

    @Test
    void runStoppedOnlyByAWaitRunsAgainByItselfAfterTheBackOff() {
        GateState state = new GateState(Clock.systemUTC());
        GateWorker worker = worker(state, () -> runs.get() == 1
                ? failed(state, FindingCode.DATABASE_UNREACHABLE)
                : runs.get() == 2 ? failed(state, FindingCode.DATABASE_LOCK_TIMEOUT) : passed(state));

        assertTrue(worker.restart());

        Poll.until("the gate to pass without a recheck", DEADLINE, state::status, status -> status == GateStatus.PASSED);
        assertEquals(3, runs.get(), "unreachable, then a lock held elsewhere, then passed");
    }

    @Test
    void runStoppedByAVerdictBesideAWaitIsNotRunAgain() {
        GateState state = new GateState(Clock.systemUTC());
        GateWorker worker = worker(state, () -> runs.get() == 1
                ? failed(state, FindingCode.DATABASE_UNREACHABLE, FindingCode.MIGRATION_FAILED) : passed(state));

        assertTrue(worker.restart());
        Poll.until("the worker to let go without running again", DEADLINE, worker::restart, accepted -> accepted);

        Poll.until("the recheck to pass", DEADLINE, state::status, status -> status == GateStatus.PASSED);
        assertEquals(2, runs.get(), "the failed run and the recheck, no retry in between");
    }

    @Test
    void runStoppedByTheDatabaseGoneDuringTheMigratePhaseRunsAgain() {
        GateState state = new GateState(Clock.systemUTC());
        GateWorker worker = worker(state, () -> {
            if (runs.get() == 1) {
                state.enter(GatePhase.MIGRATE);
                return failed(state, FindingCode.DATABASE_UNREACHABLE);
            }
            return passed(state);
        });

        assertTrue(worker.restart());

        Poll.until("the gate to pass after a failover during migrate, without a recheck", DEADLINE, state::status,
                status -> status == GateStatus.PASSED);
        assertEquals(2, runs.get());
    }

    private static GateReport failed(GateState state, FindingCode... codes) {
        state.findings(Arrays.stream(codes).map(code -> Finding.of(code, "db", "expected", "actual", "message", null)
                .at(Stage.PRE_MIGRATION)).toList());
        state.fail();
        return state.report();
    }

    private static GateReport passed(GateState state) {
        state.findings(List.of());
        state.pass();
        return state.report();
    }

    @Test
    void readersNeverSeePhaseReadyWithStatusRunning() throws Exception {
        GateState state = new GateState(Clock.systemUTC());
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                state.restart();
                state.enter(GatePhase.CONNECT);
                state.enter(GatePhase.POST_MIGRATION);
                state.pass();
            }
        });
        writer.start();
        int torn = 0;
        int reads = 0;
        while (writer.isAlive()) {
            GateReport report = state.report();
            reads++;
            if (report.phase().equals(GatePhase.READY.label()) && report.status() == GateStatus.RUNNING) {
                torn++;
            }
        }
        writer.join();
        assertTrue(reads > 100, "the reader raced the writer: " + reads + " reads");
        assertEquals(0, torn, "torn snapshots among " + reads + " reads");
    }

    private GateWorker worker(GateState state, Supplier<GateReport> run) {
        GatePipeline pipeline = new GatePipeline(state, null, null, null, null, null, null, null, null, null,
                Clock.systemUTC()) {
            @Override
            public GateReport run() {
                runs.incrementAndGet();
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return run.get();
                } finally {
                    running.decrementAndGet();
                }
            }
        };
        GateConfig config = (GateConfig) Proxy.newProxyInstance(GateConfig.class.getClassLoader(),
                new Class<?>[] {GateConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "onFailure" -> GateConfig.OnFailure.STAY_UNREADY;
                    case "mode" -> GateConfig.Mode.MIGRATE;
                    default -> null;
                });
        return new GateWorker(pipeline, state, config, null, ReadinessWarmUp.NONE, false);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

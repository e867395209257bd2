package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.BlackHoleProxy;
import dev.migrationgate.testdb.Poll;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness connection through a network that drops everything: an abandoned batch gives the
 * connection up, a new batch opens at most one new connection while the old one is unsettled, and once
 * the network heals batches succeed again on one connection. A connection the server ended between batches
 * is replaced without failing a batch; a query that fails on a working connection is not run again.
 */
class SingleConnectionTest {

    static final Duration ABANDON = Duration.ofSeconds(1);
    static final Duration HEALTHY = Duration.ofSeconds(15);
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration GIVE_UP = Duration.ofSeconds(60);
    static final Duration SHORT_GIVE_UP = Duration.ofSeconds(4);

    ScratchDatabase db;
    Vertx vertx;
    BlackHoleProxy proxy;
    SingleConnection connection;

    @BeforeEach
    void connect() throws Exception {
        db = new ScratchDatabase();
        vertx = Vertx.vertx();
        proxy = new BlackHoleProxy(db.server.host(), db.server.port());
        connection = new SingleConnection(vertx, options(), GIVE_UP);
    }

    private PgConnectOptions options() {
        return new PgConnectOptions().setHost("127.0.0.1").setPort(proxy.port()).setDatabase(db.name)
                .setUser(db.server.user()).setPassword(db.server.password());
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        proxy.close();
        vertx.closeAndAwait();
        db.close();
    }

    @Test
    void keepsOneConnectionBetweenBatches() {
        assertEquals(1, one());
        assertEquals(1, one());
        assertEquals(1, proxy.accepted());
        assertTrue(connection.holdsConnection());
    }

    @Test
    void warmUpOpensTheConnectionTheFirstBatchUses() {
        connection.warmUp();
        Poll.until("the warm-up to connect", WAIT, connection::holdsConnection, held -> held);
        connection.warmUp();

        assertEquals(1, one());
        assertEquals(1, proxy.accepted(), "the batch used the warm-up's connection, and a second warm-up did nothing");
    }

    @Test
    void batchStartedWhileTheWarmUpConnectsNeitherWaitsForItNorFails() {
        connection.warmUp();

        assertEquals(1, one(), "a batch never fails on a warm-up that has not connected yet");
        assertEquals(1, one());
        assertTrue(proxy.accepted() <= 2, proxy.accepted() + " connections: the warm-up's and at most one more");
        Poll.until("one connection kept (a warm-up's arriving after the batch's is closed)", WAIT,
                this::otherBackends, backends -> backends == 1);
    }

    @Test
    void connectionTheServerEndedBetweenBatchesIsReplacedWithoutFailingTheNextBatch() {
        assertEquals(1, one());

        db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'");

        assertEquals(1, one(), "the batch after a failover or restart of the server");
        assertEquals(2, proxy.accepted());
        assertEquals(1, one());
        assertEquals(2, proxy.accepted(), "the new connection is kept");
    }

    @Test
    void failingQueryOnAWorkingConnectionIsNotRunAgain() {
        assertEquals(1, one());

        PgException failure = assertThrows(PgException.class,
                () -> connection.query("SELECT * FROM no_such_table").await().atMost(HEALTHY));

        assertEquals("42P01", failure.getSqlState());
        assertEquals(1, proxy.accepted(), "no second connection for an error of the query itself");
    }

    @Test
    void abandonedBatchesNeverOpenMoreThanOneConnectionAndRecoverOnceTheNetworkHeals() {
        assertEquals(1, one());
        proxy.blackHole();
        assertInstanceOf(TimeoutException.class, assertThrows(IllegalStateException.class, this::held).getCause(),
                "the query on the held connection hangs");
        assertInstanceOf(TimeoutException.class, assertThrows(IllegalStateException.class, this::held).getCause(),
                "a new connection cannot be made either");
        for (int i = 0; i < 5; i++) {
            InspectionException refused = assertThrows(InspectionException.class, this::held);
            assertInstanceOf(TimeoutException.class, refused.getCause(),
                    "refused without a second connection, as a database that has not answered: " + refused);
        }
        assertEquals(2, proxy.accepted(), "one connection before the hole, one attempt during it");

        proxy.heal();
        Poll.until("a batch to succeed once the network heals", WAIT, this::tryHeld, ok -> ok);
        assertEquals(1, one());
        assertFalse(proxy.accepted() > 3, proxy.accepted() + " connections: the abandoned ones were not replaced"
                + " more than once");
    }

    @Test
    void attemptsToConnectNobodyAnswersAreGivenUpAfterTheBoundEachFurtherOneLater() {
        connection.close();
        connection = new SingleConnection(vertx, options(), SHORT_GIVE_UP);
        proxy.blackHole();

        assertInstanceOf(TimeoutException.class, assertThrows(IllegalStateException.class, this::held).getCause(),
                "the first attempt to connect is not answered");
        assertTrue(assertThrows(InspectionException.class, this::held).getMessage().contains("has not released"),
                "refused at once while the abandoned attempt is within the bound");
        Poll.until("a second attempt at once once the first was given up", WAIT, this::attemptThroughTheHole,
                accepted -> accepted == 2);
        InspectionException later = Poll.until("the third attempt put off once the second was given up too", WAIT,
                this::refusal, refusal -> refusal.getMessage().contains("2 attempts to connect have not been"
                        + " answered"));
        assertTrue(later.getMessage().contains("the next attempt in "), later.getMessage());
        assertEquals(2, proxy.accepted(), "no third socket while it is put off");
        Poll.until("a third attempt after the back-off", WAIT, this::attemptThroughTheHole, accepted -> accepted == 3);

        proxy.heal();
        Poll.until("a batch to succeed once the network heals", WAIT, this::tryHeld, ok -> ok);
        Poll.until("one backend kept: the given-up attempts' connections are closed on arrival", WAIT,
                this::otherBackends, backends -> backends == 1);
    }

    @Test
    void theWaitBetweenAttemptsNobodyAnswersStopsGrowingAtTwoBounds() {
        Duration bound = Duration.ofSeconds(1);
        connection.close();
        connection = new SingleConnection(vertx, options(), bound);
        proxy.blackHole();

        InspectionException third = Poll.until("three attempts given up", WAIT, this::refusal,
                refusal -> refusal.getMessage().contains("3 attempts to connect have not been answered"));

        Matcher wait = Pattern.compile("the next attempt in (\\d+) ms").matcher(third.getMessage());
        assertTrue(wait.find(), third.getMessage());
        assertTrue(Long.parseLong(wait.group(1)) <= bound.multipliedBy(2).toMillis(), third.getMessage());
        assertEquals(3, proxy.accepted(), "one socket per attempt");
    }

    /** The client backends on the scratch database besides the one asking, counted by the server. */
    private long otherBackends() {
        return Long.parseLong(db.single("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"));
    }

    /** One batch during the hole, whatever its outcome; the connections the proxy accepted since the test began. */
    private int attemptThroughTheHole() {
        try {
            held();
        } catch (RuntimeException refusedOrAbandoned) {
            assertTrue(refusedOrAbandoned instanceof InspectionException || refusedOrAbandoned instanceof IllegalStateException,
                    refusedOrAbandoned.toString());
        }
        return proxy.accepted();
    }

    /** How a batch during the hole is refused at once, or null when it was abandoned instead. */
    private InspectionException refusal() {
        try {
            held();
            throw new AssertionError("a batch succeeded through the hole");
        } catch (InspectionException refused) {
            return refused;
        } catch (IllegalStateException abandoned) {
            return new InspectionException("abandoned", abandoned);
        }
    }

    /** One batch on a healthy network, which may have to connect first on a slow machine. */
    private int one() {
        return one(HEALTHY);
    }

    /** One batch during the hole, abandoned past {@link #ABANDON}. */
    private int held() {
        return one(ABANDON);
    }

    /** One batch, abandoned past {@code wait} by cancelling its future, as readiness does. */
    private int one(Duration wait) {
        CompletableFuture<RowSet<Row>> batch = connection.query("SELECT 1 AS one").subscribeAsCompletionStage();
        try {
            return batch.get(wait.toMillis(), TimeUnit.MILLISECONDS).iterator().next().getInteger("one");
        } catch (TimeoutException e) {
            batch.cancel(false);
            throw new IllegalStateException("abandoned", e);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean tryHeld() {
        try {
            return held() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

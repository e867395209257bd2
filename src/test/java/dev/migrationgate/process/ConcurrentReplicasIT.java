package dev.migrationgate.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.testdb.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas of the packaged service started together on one empty database: the gate's advisory lock
 * and Flyway's own lock must make them queue, so every replica becomes ready and the schema is built once.
 */
class ConcurrentReplicasIT {

    private static final int REPLICAS = 4;
    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    private static final List<String> RACE_SYMPTOMS = List.of("23505", "pg_extension_name_index", "duplicate key");

    private final TestPostgres server = TestPostgres.server();
    private final List<AppProcess> replicas = new ArrayList<>();
    private String database;

    @BeforeEach
    void createEmptyDatabase() {
        database = server.createDatabase();
    }

    @AfterEach
    void stopReplicasAndDropDatabase() throws Exception {
        for (AppProcess replica : replicas) {
            replica.close();
        }
        server.dropDatabase(database);
    }

    @Test
    void fourReplicasStartedTogetherAllBecomeReadyAndMigrateOnce() throws Exception {
        startTogether(REPLICAS);

        for (AppProcess replica : replicas) {
            replica.awaitManagement("/q/health/ready", answer -> answer.status() == 200, READY_DEADLINE);
        }

        DatabaseFacts facts = new DatabaseFacts(server, database);
        assertEquals(DatabaseFacts.everyShippedVersionAppliedOnce(), facts.historyRows(),
                "flyway_schema_history must hold one successful row per shipped version and nothing else");
        assertEquals(Map.of("pgcrypto", 1L, "uuid-ossp", 1L), facts.extensionRows(List.of("uuid-ossp", "pgcrypto")));
        for (int i = 0; i < replicas.size(); i++) {
            String output = replicas.get(i).output();
            for (String symptom : RACE_SYMPTOMS) {
                assertTrue(!output.contains(symptom), "replica " + i + " printed '" + symptom + "':\n" + output);
            }
        }
    }

    /** Starts {@code count} replicas released together by a barrier, so their start-ups overlap. */
    private void startTogether(int count) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(count);
        ExecutorService starters = Executors.newFixedThreadPool(count);
        try {
            List<Future<AppProcess>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                started.add(starters.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return AppProcess.start(database, Map.of());
                }));
            }
            Exception failure = null;
            for (Future<AppProcess> future : started) {
                try {
                    replicas.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new AssertionError("Starting a replica failed", failure);
            }
        } finally {
            starters.shutdownNow();
        }
    }
}

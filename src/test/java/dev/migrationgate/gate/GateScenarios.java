package dev.migrationgate.gate;

import dev.migrationgate.testdb.ScenarioDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The application configurations of the in-JVM gate scenarios. Each profile starts its own application
 * on its own fresh database ({@link ScenarioDatabase}); a profile that adds migration scripts re-augments
 * the application, since {@code quarkus.flyway.locations} is fixed at build time.
 */
public final class GateScenarios {

    /** Where the scenarios' extra migration scripts live, relative to the project (Maven runs tests there). */
    static final String SCRIPTS = "filesystem:src/test/resources/gate-scripts/";

    private GateScenarios() {
    }

    /**
     * An empty database owned by a role with a password; readiness re-validates every 200 ms and gives up
     * after 1 s, so runtime drift and a hung database show quickly. Secrets are also read from a
     * {@code quarkus.config.locations} file ({@link #SECRETS_FILE}).
     */
    public static class Ready implements QuarkusTestProfile {

        static final long CACHE_TTL_MILLIS = 200;
        static final long CHECK_TIMEOUT_MILLIS = 1000;
        public static final String SECRETS_FILE = "src/test/resources/config-locations/secrets.properties";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gate.cache-ttl", CACHE_TTL_MILLIS + "ms", "gate.check-timeout", CHECK_TIMEOUT_MILLIS + "ms",
                    "quarkus.config.locations", SECRETS_FILE);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.ROLE, "owner")));
        }
    }

    /** The datasource URLs point at a port that refuses connections until the test opens it. */
    public static class LateDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gate.connect-timeout", "120s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class,
                    Map.of(ScenarioDatabase.ROLE, "owner", ScenarioDatabase.LATE, "true")));
        }
    }

    /**
     * Every shipped migration applied by a previous release; the new release brings a V90 renaming
     * {@code admin} to {@code ADMIN}.
     */
    public static class PendingUpperCaseEnum implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration," + SCRIPTS + "pending-upper-case");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.MIGRATED_TO, "latest")));
        }
    }

    /** An empty database and, as the only migration, the seed's V1 with upper-case {@code userrole} labels. */
    public static class SeedBug implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", SCRIPTS + "seed-bug");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class));
        }
    }

    /** Every shipped migration applied by a previous release; the new V90 adds a column and then fails. */
    public static class BrokenPendingScript implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration," + SCRIPTS + "broken-pending");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.MIGRATED_TO, "latest")));
        }
    }

    /**
     * V1 applied by a previous release; the new release brings a harmless V100 in a DO block (which the
     * planner cannot read) and a V101 that renames {@code admin} to {@code ADMIN} by writing {@code pg_enum}
     * (which the planner takes for inert data).
     */
    public static class PendingCatalogWrite implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration," + SCRIPTS + "verifier/do-block-harmless,"
                    + SCRIPTS + "verifier/update-pg-enum");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.MIGRATED_TO, "1")));
        }
    }

    /** {@code gate.mode=rehearse} on a database at V1; the release is {@link PendingCatalogWrite}'s. */
    public static class RehearseUnsafe implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gate.mode", "rehearse", "quarkus.flyway.locations", "db/migration," + SCRIPTS
                    + "verifier/do-block-harmless," + SCRIPTS + "verifier/update-pg-enum");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.MIGRATED_TO, "1")));
        }
    }

    /** A database owned by the administrator; the application's role may create tables but not extensions. */
    public static class NoExtensionPermission implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScenarioDatabase.class, Map.of(ScenarioDatabase.ROLE, "restricted")));
        }
    }
}

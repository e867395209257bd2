package dev.migrationgate.iam.api;

import dev.migrationgate.testdb.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Application configurations of the IAM security tests, each on its own fresh database. */
final class IamProfiles {

    private IamProfiles() {
    }

    /** A bootstrap sysadmin from the two variables (a random password per run) and a clock the tests move. */
    public static class Bootstrapped implements QuarkusTestProfile {

        static final String ADMIN_EMAIL = "Root@Example.com";
        static final String ADMIN_PASSWORD = passwordOfThisJvm();

        /**
         * Random per test JVM. A system property rather than a plain static field, because Quarkus loads this
         * class twice (once to configure the application, once with the tests) and both must agree.
         */
        private static String passwordOfThisJvm() {
            synchronized (System.class) {
                String key = "migration-gate.test.bootstrap-password";
                if (System.getProperty(key) == null) {
                    System.setProperty(key, "boot-" + UUID.randomUUID());
                }
                return System.getProperty(key);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("iam.bootstrap-admin.email", ADMIN_EMAIL, "iam.bootstrap-admin.password", ADMIN_PASSWORD);
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SettableClock.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class));
        }
    }

    /**
     * No bootstrap variables; the production bcrypt cost, so the timing of a refused login is what it is in
     * production; no lockout in the way of repeated attempts.
     */
    public static class WithoutBootstrap implements QuarkusTestProfile {

        static final int PRODUCTION_COST = 10;

        @Override
        public Map<String, String> getConfigOverrides() {
            String cost = String.valueOf(PRODUCTION_COST);
            return Map.of("iam.bcrypt-cost", cost, "%test.iam.bcrypt-cost", cost, "iam.lockout.max-failures", "1000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class));
        }
    }
}

package dev.migrationgate.gate;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;
import java.util.Properties;

/**
 * The entry point. Quarkus's init-and-exit mode ({@code quarkus.init-and-exit=true}) stops start-up after
 * the framework's own init tasks, before the start-up event the gate runs on, and exits 0: a Job or init
 * container would report success with nothing validated or migrated. When init-and-exit is requested as a
 * system property or as {@code QUARKUS_INIT_AND_EXIT}, this main runs the gate once instead: synchronously
 * during start-up ({@link GateWorker}), exiting 0 when it passed and non-zero when it failed.
 */
@QuarkusMain
public class GateMain implements QuarkusApplication {

    /** Set by {@link #main} when init-and-exit was requested; {@link GateWorker} then runs the gate once. */
    static final String RUN_ONCE = "migration-gate.run-once";
    static final String INIT_AND_EXIT = "quarkus.init-and-exit";
    static final String INIT_AND_EXIT_ENV = "QUARKUS_INIT_AND_EXIT";

    public static void main(String... args) {
        if (initAndExitRequested(System.getProperties(), System.getenv())) {
            System.setProperty(INIT_AND_EXIT, "false");
            System.setProperty(RUN_ONCE, "true");
        }
        Quarkus.run(GateMain.class, args);
    }

    /** Whether {@code quarkus.init-and-exit} is true in the system properties or the environment. */
    static boolean initAndExitRequested(Properties properties, Map<String, String> environment) {
        return Boolean.parseBoolean(properties.getProperty(INIT_AND_EXIT, environment.get(INIT_AND_EXIT_ENV)));
    }

    /** Serves until asked to stop; in run-once mode the gate already passed during start-up, so exits 0. */
    @Override
    public int run(String... args) {
        if (!Boolean.getBoolean(RUN_ONCE)) {
            Quarkus.waitForExit();
        }
        return 0;
    }
}

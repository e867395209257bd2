package dev.migrationgate.gate;

import io.quarkus.arc.Arc;
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
 * during start-up ({@link GateWorker}), exiting 0 when it passed and non-zero when it failed. With
 * {@code gate.mode=rehearse} it exits after the rehearsal, 0 or 1, with the log on stderr when the mode is
 * given as a system property or environment variable.
 */
@QuarkusMain
public class GateMain implements QuarkusApplication {

    /** Set by {@link #main} when init-and-exit was requested; {@link GateWorker} then runs the gate once. */
    static final String RUN_ONCE = "migration-gate.run-once";
    static final String INIT_AND_EXIT = "quarkus.init-and-exit";
    static final String INIT_AND_EXIT_ENV = "QUARKUS_INIT_AND_EXIT";
    static final String MODE = "gate.mode";
    static final String MODE_ENV = "GATE_MODE";
    static final String LOG_TO_STDERR = "quarkus.log.console.stderr";

    public static void main(String... args) {
        if (initAndExitRequested(System.getProperties(), System.getenv())) {
            System.setProperty(INIT_AND_EXIT, "false");
            System.setProperty(RUN_ONCE, "true");
        }
        if (rehearsalRequested(System.getProperties(), System.getenv())) {
            System.setProperty(LOG_TO_STDERR, "true");
        }
        Quarkus.run(GateMain.class, args);
    }

    /**
     * Whether {@code gate.mode=rehearse} is set as a system property or as {@code GATE_MODE}: then stdout must
     * carry only the JSON report, so the log goes to stderr.
     */
    static boolean rehearsalRequested(Properties properties, Map<String, String> environment) {
        return "rehearse".equalsIgnoreCase(properties.getProperty(MODE, environment.get(MODE_ENV)));
    }

    /** Whether {@code quarkus.init-and-exit} is true in the system properties or the environment. */
    static boolean initAndExitRequested(Properties properties, Map<String, String> environment) {
        return Boolean.parseBoolean(properties.getProperty(INIT_AND_EXIT, environment.get(INIT_AND_EXIT_ENV)));
    }

    /**
     * Serves until asked to stop. A rehearsal already ran during start-up: 0 when the release would pass, 1
     * when it would be refused. In run-once mode the gate already passed during start-up, so exits 0.
     */
    @Override
    public int run(String... args) {
        if (Arc.container().instance(GateConfig.class).get().mode() == GateConfig.Mode.REHEARSE) {
            return Arc.container().instance(GateState.class).get().hasPassed() ? 0 : 1;
        }
        if (!Boolean.getBoolean(RUN_ONCE)) {
            Quarkus.waitForExit();
        }
        return 0;
    }
}

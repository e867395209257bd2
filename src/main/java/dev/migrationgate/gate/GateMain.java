package dev.migrationgate.gate;

import dev.migrationgate.inspect.ConnectionUrls;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.PropertiesLocationConfigSourceFactory;
import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import java.util.Optional;

/**
 * The entry point. Before Quarkus starts it reads the configuration the way Quarkus will (system
 * properties, environment, {@code .env} in the working directory, {@code application.properties},
 * {@code config/application.properties} and the files of {@code quarkus.config.locations}, SmallRye's
 * converters) and:
 * <ul>
 * <li>refuses a datasource URL its driver would misread, naming the key (the driver's own error would print
 *     the URL, password included);</li>
 * <li>turns Quarkus's init-and-exit mode ({@code quarkus.init-and-exit}, any spelling SmallRye reads as
 *     true: {@code true}, {@code 1}, {@code yes}, {@code on}, any case) into a run-once of the gate.
 *     Quarkus's own mode stops before the start-up event the gate runs on and exits 0 with nothing validated
 *     or migrated; this main switches it off and runs the gate synchronously during start-up instead
 *     ({@link GateWorker}), exiting 0 when it passed and non-zero when it failed;</li>
 * <li>with {@code gate.mode=rehearse}, sends the log to stderr, so stdout carries only the JSON report.</li>
 * </ul>
 */
@QuarkusMain
public class GateMain implements QuarkusApplication {

    /** Set by {@link #main} when init-and-exit was requested; {@link GateWorker} then runs the gate once. */
    static final String RUN_ONCE = "migration-gate.run-once";
    static final String INIT_AND_EXIT = "quarkus.init-and-exit";
    static final String MODE = "gate.mode";
    static final String LOG_TO_STDERR = "quarkus.log.console.stderr";
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;
    private static final int CONFIG_DIR_ORDINAL = 260;
    public static void main(String... args) {
        SmallRyeConfig config = startupConfig();
        Optional<String> refusal = refusal(config);
        if (refusal.isPresent()) {
            System.err.println("migration-gate cannot start: " + refusal.get());
            System.exit(1);
        }
        if (initAndExitRequested(config)) {
            System.setProperty(INIT_AND_EXIT, "false");
            System.setProperty(RUN_ONCE, "true");
        }
        if (rehearsalRequested(config)) {
            System.setProperty(LOG_TO_STDERR, "true");
        }
        Quarkus.run(GateMain.class, args);
    }

    /** The configuration as Quarkus will see it at run time, for the few keys read before it starts. */
    static SmallRyeConfig startupConfig(ConfigSource... more) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ConfigUtils.emptyConfigBuilder(LaunchMode.NORMAL)
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties",
                        APPLICATION_PROPERTIES_ORDINAL, loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem("config/application.properties",
                        CONFIG_DIR_ORDINAL, loader))
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader))
                .withSources(new PropertiesLocationConfigSourceFactory())
                .withSources(more)
                .build();
    }

    /** Whether {@code quarkus.init-and-exit} is true, read with SmallRye's boolean converter. */
    static boolean initAndExitRequested(SmallRyeConfig config) {
        return config.getOptionalValue(INIT_AND_EXIT, Boolean.class).orElse(false);
    }

    /** Whether {@code gate.mode} is {@code rehearse}: stdout must then carry only the JSON report. */
    static boolean rehearsalRequested(SmallRyeConfig config) {
        return config.getOptionalValue(MODE, String.class).filter("rehearse"::equalsIgnoreCase).isPresent();
    }

    /** Why start-up must stop because of a datasource URL, naming the key. */
    static Optional<String> refusal(SmallRyeConfig config) {
        for (String key : List.of(ConnectionUrls.JDBC_KEY, ConnectionUrls.REACTIVE_KEY)) {
            Optional<String> refusal = config.getOptionalValue(key, String.class)
                    .flatMap(url -> ConnectionUrls.refusal(key, url));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
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

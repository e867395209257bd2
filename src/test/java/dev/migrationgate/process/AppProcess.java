package dev.migrationgate.process;

import dev.migrationgate.testdb.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) running as a separate JVM
 * against a test database, on free ports, with its output captured to a file for assertions and
 * diagnosis. Used where one JVM cannot host the scenario: several replicas, exit codes.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path PACKAGED = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final Path errorLog;

    private AppProcess(Process process, int httpPort, int managementPort, Path log, Path errorLog) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
        this.errorLog = errorLog;
    }

    /** Starts the packaged application on {@code database} with extra {@code -D} properties. */
    public static AppProcess start(String database, Map<String, String> properties) throws IOException {
        return start(database, properties, Map.of());
    }

    /**
     * Starts the packaged application on {@code database} with extra {@code -D} properties and extra
     * environment variables (the way a Kubernetes manifest configures it).
     */
    public static AppProcess start(String database, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        return start(PACKAGED, database, properties, environment, false);
    }

    /** {@link #start(String, Map, Map)} with stderr kept apart ({@link #errors()}), so {@link #output()} is stdout alone. */
    public static AppProcess startSeparatingStderr(String database, Map<String, String> properties,
            Map<String, String> environment) throws IOException {
        return start(PACKAGED, database, properties, environment, true);
    }

    /**
     * Starts the Quarkus application packaged as {@code jar} (this one, or the benchmark's stock baseline)
     * on {@code database}, the same way.
     */
    public static AppProcess start(Path jar, String database, Map<String, String> properties,
            Map<String, String> environment) throws IOException {
        return start(jar, database, properties, environment, false);
    }

    private static AppProcess start(Path jar, String database, Map<String, String> properties,
            Map<String, String> environment, boolean separateStderr) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run these tests with ./mvnw verify,"
                    + " which packages the application before the integration tests");
        }
        TestPostgres server = TestPostgres.server();
        int http = freePort();
        int management = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(http));
        props.put("quarkus.management.port", String.valueOf(management));
        props.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database));
        props.put("quarkus.datasource.reactive.url", server.reactiveUrl(database));
        props.put("quarkus.datasource.username", server.user());
        props.put("quarkus.datasource.password", server.password());
        props.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        props.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile("migration-gate-" + http + "-", ".log");
        Path errorLog = separateStderr ? Files.createTempFile("migration-gate-" + http + "-", ".err") : null;
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile());
        if (errorLog == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(errorLog.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new AppProcess(process, http, management, log, errorLog);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** GET on the management interface; status -1 while nothing answers. */
    public Response management(String path) {
        return get("http://127.0.0.1:" + managementPort + path);
    }

    /** GET on the public port; status -1 while nothing answers. */
    public Response api(String path) {
        return get("http://127.0.0.1:" + httpPort + path);
    }

    private static Response get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            return new Response(-1, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString(), Map.of());
        }
    }

    /** Polls {@code path} on the management port until {@code condition} holds or the deadline passes. */
    public Response awaitManagement(String path, Predicate<Response> condition, Duration deadline)
            throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        Response last = management(path);
        while (!condition.test(last)) {
            if (Instant.now().isAfter(end) || !process.isAlive()) {
                throw new AssertionError("Condition on " + path + " of " + this + " not met within " + deadline + " (alive="
                        + process.isAlive() + "); last answer " + last + "\n--- application output ---\n" + output());
            }
            Thread.sleep(100);
            last = management(path);
        }
        return last;
    }

    /**
     * Polls {@code path} on the management port for {@code duration} and fails as soon as an answer breaks
     * {@code condition} or the process exits: a state that must hold, not just be reached.
     */
    public void assertHolds(String path, Predicate<Response> condition, Duration duration) throws InterruptedException {
        Instant end = Instant.now().plus(duration);
        int answers = 0;
        do {
            Response answer = management(path);
            if (!process.isAlive() || !condition.test(answer)) {
                throw new AssertionError("Condition on " + path + " of " + this + " broke after " + answers + " answer(s) (alive="
                        + process.isAlive() + "); answer " + answer + "\n--- application output ---\n" + output());
            }
            answers++;
            Thread.sleep(100);
        } while (Instant.now().isBefore(end));
    }

    /** The operating-system process id (for {@code /proc/<pid>/status}). */
    public long pid() {
        return process.pid();
    }

    /** The management interface's port (probes, {@code /q/gate}, {@code /q/metrics}). */
    public int managementPort() {
        return managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return "application pid " + process.pid() + " (http " + httpPort + ", management " + managementPort + ")";
    }

    /** Asks the application to stop (SIGTERM), as Kubernetes does, without waiting; see {@link #awaitExit}. */
    public void terminate() {
        process.destroy();
    }

    /** The public HTTP port, for clients that need their own timeouts. */
    public int httpPort() {
        return httpPort;
    }

    /** Waits for the process to exit and returns its exit code. */
    public int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The application did not exit within " + deadline + "\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the application printed so far (stdout alone when started with stderr apart). */
    public String output() {
        return read(log);
    }

    /** What the application printed on stderr, when started with {@link #startSeparatingStderr}. */
    public String errors() {
        return errorLog == null ? "(stderr is merged into output())" : read(errorLog);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
        if (errorLog != null) {
            Files.deleteIfExists(errorLog);
        }
    }

    /** An HTTP answer; header names are lower case. */
    public record Response(int status, String body, Map<String, List<String>> headers) {

        /** The first value of header {@code name}, if present. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

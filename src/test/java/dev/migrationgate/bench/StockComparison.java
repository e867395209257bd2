package dev.migrationgate.bench;

import dev.migrationgate.process.AppProcess;
import dev.migrationgate.testdb.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Start-up and readiness cost of migration-gate against the stock Quarkus wiring of the same domain
 * ({@code bench/stock}: Flyway migrate-at-start, Hibernate validate, the datasource health checks), both
 * packaged jars run as separate JVMs on the test server, side by side in one run: time-to-ready on fresh
 * databases (interleaved) with the real migrations and with generated ones, a restart with nothing
 * pending, resident memory after READY, readiness throughput and latency under {@code wrk} next to the
 * no-check limit, and the database transactions each causes, counted by the server. Prints ratios and a
 * verdict per goal of issue 10. Run by {@code ./mvnw -B -Pstock-bench package -DskipTests} (README).
 */
public final class StockComparison {

    private static final Path GATE_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path STOCK_JAR = Path.of("bench", "stock", "target", "quarkus-app", "quarkus-run.jar");
    /** Where the builds with the generated migrations go, under each project's target directory. */
    private static final String MANY_OUTPUT = "bench-many";
    /** The first generated version: far above the shipped ones, which it must never collide with. */
    private static final int FIRST_GENERATED = 1000;
    private static final Duration READY_DEADLINE = Duration.ofMinutes(3);
    /** Longest an idle PostgreSQL 15 backend keeps its statistics before flushing (PGSTAT_IDLE_INTERVAL + margin). */
    private static final Duration STATS_FLUSH = Duration.ofSeconds(11);
    /** The readiness probe period of deploy/base. */
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(5);
    private static final Pattern GATE_PASSED = Pattern.compile("\"status\"\\s*:\\s*\"passed\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TestPostgres server = TestPostgres.server();
    private final int runs = Integer.getInteger("bench.runs", 5);
    private final int generated = Integer.getInteger("bench.generated", 300);
    private final int loadSeconds = Integer.getInteger("bench.loadSeconds", 10);
    private final List<String[]> rows = new ArrayList<>();

    private StockComparison() {
    }

    public static void main(String[] args) throws Exception {
        for (Path jar : List.of(GATE_JAR, STOCK_JAR)) {
            if (!Files.exists(jar)) {
                System.err.println(jar.toAbsolutePath() + " is missing: run ./mvnw -B -Pstock-bench package -DskipTests");
                System.exit(2);
            }
        }
        new StockComparison().run();
    }

    /**
     * An application: its jar with the shipped migrations, and its build with the generated ones too.
     *
     * @param pom the project, rebuilt for {@code manyJar}
     */
    private record App(String name, Path jar, Path pom, Path manyJar) {
    }

    private static final App GATE = new App("migration-gate", GATE_JAR, Path.of("pom.xml"),
            Path.of("target", MANY_OUTPUT, "quarkus-run.jar"));
    private static final App STOCK = new App("stock", STOCK_JAR, Path.of("bench", "stock", "pom.xml"),
            Path.of("bench", "stock", "target", MANY_OUTPUT, "quarkus-run.jar"));

    /**
     * One start: milliseconds from launching the JVM to the first answer of any status on the management port
     * (Quarkus has started and listens) and to the first 200 on /q/health/ready, and RSS then.
     */
    private record Start(long listeningMillis, long readyMillis, long rssKib) {
    }

    /** A wrk run: requests per second, p50 and p99 in milliseconds, and answers that were not 2xx. */
    private record Load(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
    }

    private void run() throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf("Stock comparison: %d interleaved runs per figure, %d generated migrations, wrk %d s;"
                + " %d cores, load average before: %s%n", runs, generated, loadSeconds,
                Runtime.getRuntime().availableProcessors(), loadBefore);
        Path scripts = generatedMigrations();
        buildWith(scripts);
        int total = generated + shippedMigrations();

        Map<App, List<Start>> fresh1 = startups(App::jar, shippedMigrations(), false).get(0);
        List<Map<App, List<Start>>> manyRuns = startups(App::manyJar, total, true);
        Map<App, List<Start>> fresh301 = manyRuns.get(0);
        Map<App, List<Start>> restart301 = manyRuns.get(1);

        compare("time-to-ready, fresh DB, shipped migrations", "ms", median(fresh1, Start::readyMillis), 0.9);
        compare("time-to-ready, fresh DB, " + total + " migrations", "ms", median(fresh301, Start::readyMillis), 0.9);
        compare("restart, " + total + " applied, nothing pending", "ms", median(restart301, Start::readyMillis), 1.0);
        floor("fresh DB, shipped migrations", fresh1, 0.9);
        floor("fresh DB, " + total + " migrations", fresh301, 0.9);
        floor("restart, " + total + " applied", restart301, 1.0);
        compare("RSS after READY, shipped migrations", "MB", median(fresh1, s -> s.rssKib() / 1024), 1.1);
        compare("RSS after READY, " + total + " migrations", "MB", median(fresh301, s -> s.rssKib() / 1024), 1.1);

        readiness();

        System.out.println();
        System.out.printf("%-46s %14s %16s %8s  %-8s %s%n", "figure", "stock", "migration-gate", "ratio", "goal", "verdict");
        rows.forEach(row -> System.out.printf("%-46s %14s %16s %8s  %-8s %s%n", (Object[]) row));
        System.out.println();
        System.out.println("Runs (ms to ready, and in brackets to listening, in launch order):");
        printRuns("fresh, shipped migrations", fresh1);
        printRuns("fresh, " + total + " migrations", fresh301);
        printRuns("restart, " + total + " applied", restart301);
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim()
                + " (other processes share these cores: compare the columns of one run, not runs of different days)");
        deleteTree(scripts);
    }

    /**
     * Builds both applications again with {@code scripts} as a further Flyway location. Quarkus fixes
     * {@code quarkus.flyway.locations} at build time (a runtime value is ignored with a warning), so migrations
     * the jar should run must be there when it is built; a {@code filesystem:} location is read from that
     * directory at run time.
     */
    private static void buildWith(Path scripts) throws IOException, InterruptedException {
        Path wrapper = Path.of("mvnw").toAbsolutePath();
        for (App app : List.of(GATE, STOCK)) {
            System.out.printf("  building %s with the %s generated migrations into %s%n", app.name(), scripts,
                    app.manyJar().getParent());
            Process build = new ProcessBuilder(wrapper.toString(), "-B", "-q", "-f", app.pom().toString(), "package",
                    "-Dmaven.test.skip=true", "-Dquarkus.flyway.locations=db/migration,filesystem:" + scripts,
                    "-Dquarkus.package.output-directory=" + MANY_OUTPUT).redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes());
            if (build.waitFor() != 0 || !Files.exists(app.manyJar())) {
                throw new IllegalStateException("Building " + app.name() + " with the generated migrations failed:\n"
                        + output);
            }
        }
    }

    /** The migrations both applications ship: the scripts of src/main/resources/db/migration. */
    private static int shippedMigrations() throws IOException {
        try (var scripts = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            return (int) scripts.filter(path -> path.getFileName().toString().endsWith(".sql")).count();
        }
    }

    /**
     * Starts each application {@code runs} times on a fresh database, alternating which goes first; with
     * {@code restart}, starts it a second time on the same, now migrated, database. Returns the fresh
     * starts and (with restart) the restarts. Fails unless each fresh start applied {@code migrations}.
     */
    private List<Map<App, List<Start>>> startups(Function<App, Path> jar, int migrations, boolean restart)
            throws Exception {
        Map<App, List<Start>> fresh = new LinkedHashMap<>();
        Map<App, List<Start>> again = new LinkedHashMap<>();
        for (App app : List.of(GATE, STOCK)) {
            fresh.put(app, new ArrayList<>());
            again.put(app, new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (App app : i % 2 == 0 ? List.of(GATE, STOCK) : List.of(STOCK, GATE)) {
                String database = freshDatabase();
                try {
                    try (AppProcess process = AppProcess.start(jar.apply(app), database, Map.of(), Map.of())) {
                        fresh.get(app).add(progress(app, "fresh", awaitReady(app, process)));
                    }
                    long applied = applied(database);
                    if (applied != migrations) {
                        throw new IllegalStateException(app.name() + " applied " + applied + " migrations, expected "
                                + migrations + ": the comparison would not measure what it says");
                    }
                    if (restart) {
                        try (AppProcess process = AppProcess.start(jar.apply(app), database, Map.of(), Map.of())) {
                            again.get(app).add(progress(app, "restart", awaitReady(app, process)));
                        }
                    }
                } finally {
                    server.dropDatabase(database);
                }
            }
        }
        return List.of(fresh, again);
    }

    /** What each application does during a measured window: {@code (gate, stock)}. */
    @FunctionalInterface
    private interface Window {
        void run(AppProcess gate, AppProcess stock) throws Exception;
    }

    /** The database transactions readiness causes, then readiness throughput and latency, for both. */
    private void readiness() throws Exception {
        int revalidations = 5;
        Map<App, Long> perRevalidations = transactionsDuring((gate, stock) -> {
            for (int i = 0; i < revalidations; i++) {
                require(post(gate, "/q/gate/recheck"), 200, "POST /q/gate/recheck");
                require(stock.management("/q/health/ready").status(), 200, "stock readiness");
                Thread.sleep(1100);
            }
        });
        int probes = 6;
        Map<App, Long> probeWindow = transactionsDuring((gate, stock) -> {
            for (int i = 0; i < probes; i++) {
                gate.management("/q/health/ready");
                stock.management("/q/health/ready");
                Thread.sleep(PROBE_PERIOD.toMillis());
            }
        });
        double perMinute = 60.0 / (probes * PROBE_PERIOD.toSeconds());
        figure("transactions per re-validation (server)", perRevalidations.get(STOCK) / (double) revalidations,
                perRevalidations.get(GATE) / (double) revalidations);
        figure("transactions per probe-minute (5 s period)", probeWindow.get(STOCK) * perMinute,
                probeWindow.get(GATE) * perMinute);

        String gateDb = freshDatabase();
        String stockDb = freshDatabase();
        try (AppProcess gate = AppProcess.start(GATE_JAR, gateDb, Map.of(), Map.of());
                AppProcess stock = AppProcess.start(STOCK_JAR, stockDb, Map.of(), Map.of())) {
            awaitReady(GATE, gate);
            awaitReady(STOCK, stock);
            Optional<Load> stockReady = wrk(stock, "/q/health/ready");
            Optional<Load> gateReady = wrk(gate, "/q/health/ready");
            Optional<Load> limit = wrk(stock, "/q/health/live");
            if (stockReady.isEmpty() || gateReady.isEmpty() || limit.isEmpty()) {
                rows.add(new String[] {"readiness throughput", "-", "-", "-", "", "not measured: wrk is not installed"
                        + " (apt-get install wrk)"});
                return;
            }
            Load s = stockReady.get();
            Load g = gateReady.get();
            Load l = limit.get();
            rows.add(new String[] {"readiness req/s (wrk -t2 -c32)", format(s.requestsPerSecond()),
                    format(g.requestsPerSecond()), ratio(g.requestsPerSecond() / s.requestsPerSecond()), ">= 5x",
                    verdict(g.requestsPerSecond() >= 5 * s.requestsPerSecond())});
            rows.add(new String[] {"readiness req/s vs no-check limit", format(l.requestsPerSecond()) + " (live)",
                    format(g.requestsPerSecond()), ratio(g.requestsPerSecond() / l.requestsPerSecond()), ">= 0.5x",
                    verdict(g.requestsPerSecond() >= 0.5 * l.requestsPerSecond())});
            rows.add(new String[] {"readiness p50 ms", format(s.p50Millis()), format(g.p50Millis()),
                    ratio(g.p50Millis() / s.p50Millis()), "", ""});
            rows.add(new String[] {"readiness p99 ms", format(s.p99Millis()), format(g.p99Millis()),
                    ratio(g.p99Millis() / s.p99Millis()), "<= 10 ms", verdict(g.p99Millis() <= 10)});
            rows.add(new String[] {"no-check limit p50 / p99 ms (stock live)", format(l.p50Millis()) + " / "
                    + format(l.p99Millis()), "", "", "", ""});
            if (s.non2xx() + g.non2xx() + l.non2xx() > 0) {
                rows.add(new String[] {"answers not 2xx during wrk", String.valueOf(s.non2xx() + l.non2xx()),
                        String.valueOf(g.non2xx()), "", "0", "the throughput above includes DOWN answers"});
            }
        } finally {
            server.dropDatabase(gateDb);
            server.dropDatabase(stockDb);
        }
    }

    /**
     * Transactions PostgreSQL counted in each application's database during {@code window}. Both start on
     * fresh databases and are awaited without probing readiness (the gate's report passed; stock's
     * liveness, which runs no check, once its start-up with Flyway and Hibernate is over). Idle backends
     * flush their statistics within 10 s, but transactions that touch no table ({@code SELECT 1}, the
     * empty query of pgjdbc's {@code isValid}) stay in the backend until it touches one or exits, so the
     * window ends by stopping both applications and waiting until their backends are gone.
     */
    private Map<App, Long> transactionsDuring(Window window) throws Exception {
        String gateDb = freshDatabase();
        String stockDb = freshDatabase();
        try {
            long gateBefore;
            long stockBefore;
            try (AppProcess gate = AppProcess.start(GATE_JAR, gateDb, Map.of(), Map.of());
                    AppProcess stock = AppProcess.start(STOCK_JAR, stockDb, Map.of(), Map.of())) {
                gate.awaitManagement("/q/gate", r -> GATE_PASSED.matcher(r.body()).find(), READY_DEADLINE);
                stock.awaitManagement("/q/health/live", r -> r.status() == 200, READY_DEADLINE);
                Thread.sleep(STATS_FLUSH.toMillis());
                gateBefore = transactions(gateDb);
                stockBefore = transactions(stockDb);
                window.run(gate, stock);
            }
            awaitNoBackends(gateDb);
            awaitNoBackends(stockDb);
            return Map.of(GATE, transactions(gateDb) - gateBefore, STOCK, transactions(stockDb) - stockBefore);
        } finally {
            server.dropDatabase(gateDb);
            server.dropDatabase(stockDb);
        }
    }

    private void awaitNoBackends(String database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM pg_stat_activity WHERE datname = ?", database) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Connections to " + database + " stayed open after the application stopped");
            }
            Thread.sleep(100);
        }
    }

    /** Prints one start as it happens (a full run takes minutes) and returns it. */
    private static Start progress(App app, String kind, Start start) {
        System.out.printf("  %-15s %-8s listening in %,6d ms, ready in %,6d ms, RSS %d MB%n", app.name(), kind,
                start.listeningMillis(), start.readyMillis(), start.rssKib() / 1024);
        return start;
    }

    private Start awaitReady(App app, AppProcess process) throws InterruptedException, IOException {
        long launched = System.nanoTime();
        long deadline = launched + READY_DEADLINE.toNanos();
        long listening = -1;
        while (true) {
            long asked = System.nanoTime();
            int status = process.management("/q/health/ready").status();
            if (status != -1 && listening < 0) {
                listening = asked;
            }
            if (status == 200) {
                break;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(app.name() + " did not become ready within " + READY_DEADLINE
                        + " (alive=" + process.isAlive() + ")\n" + process.output());
            }
            Thread.sleep(10);
        }
        long ready = System.nanoTime();
        return new Start(Duration.ofNanos(listening - launched).toMillis(), Duration.ofNanos(ready - launched).toMillis(),
                rssKib(process.pid()));
    }

    /** Resident set size from /proc/PID/status, in KiB. */
    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + pid));
    }

    /** A new database with the extensions V1 needs, as a DBA provisions it (the same for both). */
    private String freshDatabase() throws SQLException {
        String database = server.createDatabase();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            statement.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        }
        return database;
    }

    /** The successful migrations in {@code database}'s Flyway history. */
    private long applied(String database) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Committed plus rolled-back transactions of {@code database}, as PostgreSQL counts them. */
    private long transactions(String database) throws SQLException {
        return count("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = ?", database);
    }

    /** The one number {@code sql} returns for {@code database}, read from the server's statistics views. */
    private long count(String sql, String database) throws SQLException {
        try (Connection connection = server.connect("postgres"); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code generated} migrations from V{@value #FIRST_GENERATED} on: one small table each, as a long-lived service accumulates them. */
    private Path generatedMigrations() throws IOException {
        Path dir = Files.createTempDirectory("stock-comparison-migrations-");
        for (int i = FIRST_GENERATED; i < FIRST_GENERATED + generated; i++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "V%d__generated_%04d.sql", i, i)), String.format(
                    Locale.ROOT, "CREATE TABLE generated_%04d (id bigint PRIMARY KEY, label text NOT NULL,"
                            + " created_at timestamp without time zone NOT NULL);%n", i));
        }
        return dir;
    }

    /** {@code wrk -t2 -c32} on {@code path} of the management port: a short warm-up, then the measured run. */
    private Optional<Load> wrk(AppProcess app, String path) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + app.managementPort() + path;
        if (runWrk(url, 3).isEmpty()) {
            return Optional.empty();
        }
        return runWrk(url, loadSeconds).map(StockComparison::parseWrk);
    }

    private static Optional<String> runWrk(String url, int seconds) throws IOException, InterruptedException {
        Process wrk;
        try {
            wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", url)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        return Optional.of(output);
    }

    static Load parseWrk(String output) {
        double rps = 0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        long non2xx = 0;
        for (String line : output.lines().map(String::trim).toList()) {
            String[] parts = line.split("\\s+");
            if (line.startsWith("Requests/sec:")) {
                rps = Double.parseDouble(parts[1]);
            } else if (line.startsWith("50%")) {
                p50 = millis(parts[1]);
            } else if (line.startsWith("99%")) {
                p99 = millis(parts[1]);
            } else if (line.startsWith("Non-2xx or 3xx responses:")) {
                non2xx = Long.parseLong(parts[parts.length - 1]);
            }
        }
        if (rps == 0 || Double.isNaN(p99)) {
            throw new IllegalStateException("Unexpected wrk output:\n" + output);
        }
        return new Load(rps, p50, p99, non2xx);
    }

    private static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
        }
        throw new IllegalArgumentException("Not a wrk duration: " + value);
    }

    private static int post(AppProcess app, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void require(int status, int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status + ", expected " + expected);
        }
    }

    private static Map<App, Long> median(Map<App, List<Start>> starts, java.util.function.ToLongFunction<Start> figure) {
        Map<App, Long> medians = new LinkedHashMap<>();
        starts.forEach((app, list) -> {
            long[] values = list.stream().mapToLong(figure).sorted().toArray();
            medians.put(app, values[values.length / 2]);
        });
        return medians;
    }

    /** A row whose goal is migration-gate's median at most {@code goal} times stock's. */
    private void compare(String figure, String unit, Map<App, Long> medians, double goal) {
        double ratio = medians.get(GATE) / (double) medians.get(STOCK);
        rows.add(new String[] {figure + " (median)", medians.get(STOCK) + " " + unit, medians.get(GATE) + " " + unit,
                ratio(ratio), "<= " + goal + "x", verdict(ratio <= goal)});
    }

    /**
     * The floor of a time-to-ready ratio given the gate's boot: the gate answers no probe before Quarkus has
     * started and listens, so its median time to listening against stock's median time to ready is the lowest
     * ratio any faster gate work reaches without a faster boot. Stock listens only once its migrate and validate
     * have run during boot. The gate's pipeline starts at {@code StartupEvent}, shortly before the socket opens,
     * so its first part shares the cores with the end of that boot and is in this floor too.
     */
    private void floor(String figure, Map<App, List<Start>> starts, double goal) {
        long stockReady = median(starts, Start::readyMillis).get(STOCK);
        long gateListening = median(starts, Start::listeningMillis).get(GATE);
        double ratio = gateListening / (double) stockReady;
        rows.add(new String[] {"floor: " + figure + " (listening)", stockReady + " ms", gateListening + " ms",
                ratio(ratio), "<= " + goal + "x", ratio <= goal ? "floor below goal" : "floor above goal"});
    }

    private void figure(String figure, double stock, double gate) {
        rows.add(new String[] {figure, format(stock), format(gate), stock == 0 ? "-" : ratio(gate / stock), "-",
                "figure only"});
    }

    private static void printRuns(String what, Map<App, List<Start>> starts) {
        starts.forEach((app, list) -> System.out.printf("  %-26s %-15s %s%n", what, app.name(),
                list.stream().map(s -> s.readyMillis() + " (" + s.listeningMillis() + ")").toList()));
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "missed";
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.migrationgate.health;

import dev.migrationgate.report.Concern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Answers {@code GET /q/health/ready} with SmallRye Health's own last UP answer for as long as nothing that
 * answer judged has changed.
 * <p>
 * A profile under load (issue 10) put 95 % of a readiness probe's CPU outside the gate: SmallRye Health's
 * per-check machinery, context propagation and JSON writing, for five checks whose answers change only
 * with a new gate snapshot or re-validation ({@link ReadinessResponses}). So the first probe after each
 * change goes through SmallRye Health as always, this class asks SmallRye Health's reporter for the same
 * answer once and keeps its bytes, and later probes get those bytes while {@link GateReadiness} still hands
 * out the very responses they were built from. The body and headers are SmallRye Health's.
 * <p>
 * SmallRye Health answers, as before, whenever: the responses changed since the kept answer; a
 * re-validation is in flight (the TTL passed); readiness is DOWN (SmallRye logs it and may format problem
 * details); or readiness has a check that is not the gate's, whose state is not the gate's to cache (then
 * for the life of the process). The route is only bound where SmallRye Health serves readiness by default.
 * Kept answers skip what the management interface would add after order -1 (its compression, filters of
 * order 0 and above); HEAD probes always go to SmallRye Health.
 */
@ApplicationScoped
public class CachedReadiness {

    /** Where SmallRye Health serves readiness with the management interface's and its own default paths. */
    static final String PATH = "/q/health/ready";
    /**
     * The settings that put SmallRye Health's readiness at {@link #PATH} on the management interface, with
     * their defaults.
     */
    private static final Map<String, String> DEFAULT_SETTINGS = Map.of("quarkus.management.root-path", "/q",
            "quarkus.smallrye-health.root-path", "health", "quarkus.smallrye-health.readiness-path", "ready",
            "quarkus.smallrye-health.management.enabled", "true");
    /**
     * Before SmallRye Health's routes, which the management interface adds in order from 0 before this
     * class sees it; after the interface's own handlers (body, headers, CORS: {@code Integer.MIN_VALUE}) and
     * its authentication (-200) and permission (-100) filters when {@code quarkus.management.auth} is on.
     */
    private static final int ORDER = -1;
    private static final Set<String> GATE_CHECKS = Arrays.stream(Concern.values()).map(Concern::healthCheckName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Logger LOG = Logger.getLogger(CachedReadiness.class);

    /** SmallRye Health's answer, as bytes, to the responses it judged. */
    private record Answer(ReadinessResponses judging, byte[] body) {
    }

    private final GateReadiness readiness;
    private final SmallRyeHealthReporter reporter;
    private final Config config;
    private final Counter fromCache;
    private final Counter fromChecks;
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile Answer answer;
    private volatile boolean foreignChecks;

    CachedReadiness(GateReadiness readiness, SmallRyeHealthReporter reporter, Config config, MeterRegistry registry) {
        this.readiness = readiness;
        this.reporter = reporter;
        this.config = config;
        this.fromCache = answers(registry, "cache");
        this.fromChecks = answers(registry, "checks");
    }

    void routes(@Observes ManagementInterface management) {
        for (Map.Entry<String, String> setting : DEFAULT_SETTINGS.entrySet()) {
            String value = config.getOptionalValue(setting.getKey(), String.class).orElse(setting.getValue());
            if (!value.equals(setting.getValue())) {
                LOG.infof("Readiness answers are not cached: %s=%s moves SmallRye Health's readiness away from %s on"
                        + " the management interface", setting.getKey(), value, PATH);
                return;
            }
        }
        management.router().get(PATH).order(ORDER).handler(this::answer);
    }

    /** Whether every check in a SmallRye Health readiness payload is one of the gate's. */
    static boolean onlyGateChecks(JsonObject payload) {
        return payload.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .allMatch(check -> GATE_CHECKS.contains(check.getString("name", "")));
    }

    private void answer(RoutingContext context) {
        ReadinessResponses now = readiness.answeredNow();
        Answer kept = answer;
        if (now != null && kept != null && kept.judging() == now) {
            fromCache.increment();
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(Buffer.buffer(kept.body()));
            return;
        }
        fromChecks.increment();
        if (now != null && now.up() && !foreignChecks) {
            keep(now);
        }
        context.next();
    }

    /**
     * Asks SmallRye Health for readiness once (one at a time) and keeps the answer if it is UP, has only the
     * gate's checks and still judges {@code judging}: otherwise the responses changed while it was built.
     */
    private void keep(ReadinessResponses judging) {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        reporter.getReadinessAsync().subscribe().with(health -> {
            try {
                if (!onlyGateChecks(health.getPayload())) {
                    foreignChecks = true;
                    LOG.info("Readiness answers are not cached: readiness has checks besides the gate's");
                } else if (!health.isDown() && readiness.answeredNow() == judging) {
                    answer = new Answer(judging, bytes(health));
                }
            } finally {
                building.set(false);
            }
        }, failure -> building.set(false));
    }

    private byte[] bytes(SmallRyeHealth health) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        reporter.reportHealth(body, health);
        return body.toByteArray();
    }

    private static Counter answers(MeterRegistry registry, String from) {
        return Counter.builder("migration.gate.readiness.answers")
                .tag("from", from)
                .description("Readiness probes answered from SmallRye Health's kept answer (cache) or by its checks")
                .register(registry);
    }
}

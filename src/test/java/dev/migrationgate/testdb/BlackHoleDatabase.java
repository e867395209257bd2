package dev.migrationgate.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link ScenarioDatabase} whose datasource URLs (JDBC and reactive) both go through a
 * {@link BlackHoleProxy}, which the test receives in a field annotated {@link Proxy}; the test reaches the
 * server directly, past the proxy, to count what the service has open there.
 */
public class BlackHoleDatabase extends ScenarioDatabase {

    /** Marks the test field that receives the {@link BlackHoleProxy}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Proxy {
    }

    private BlackHoleProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        TestPostgres server = TestPostgres.server();
        try {
            proxy = new BlackHoleProxy(server.host(), server.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Opening the black-hole proxy failed", e);
        }
        String direct = server.host() + ":" + server.port() + "/";
        String proxied = "127.0.0.1:" + proxy.port() + "/";
        for (String key : new String[] {"quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url"}) {
            config.put(key, config.get(key).replace(direct, proxied));
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        super.inject(injector);
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, BlackHoleProxy.class));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the black-hole proxy failed", e);
        } finally {
            super.stop();
        }
    }
}

package dev.migrationgate.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh database per scenario, shaped by init args before the application starts:
 * <ul>
 * <li>{@value #ROLE}: who the application (and Flyway) connects as: {@code admin} (default, the server's
 * administrative user), {@code owner} (a new login role with a password that owns the database: it may
 * create tables and trusted extensions) or {@code restricted} (a new login role with a password that may
 * create tables in {@code public} but has no CREATE on the database, so no extensions);</li>
 * <li>{@value #MIGRATED_TO}: a Flyway version of {@code db/migration} a previous release already applied,
 * as that role, after creating the extensions it needed as the administrative user;</li>
 * <li>{@value #LATE} {@code true}: both datasource URLs go through a {@link FaultProxy} that refuses
 * connections until the test switches it to {@code FORWARD}; the test gets it in a field annotated
 * {@link Proxy}.</li>
 * </ul>
 * A role with a password also appears in the reactive URL's user-info ({@code postgresql://role:secret@…}),
 * so tests can prove neither credential leaks into probes or reports. The database and the role are
 * dropped when the application stops.
 */
public class ScenarioDatabase extends PostgresTestResource {

    public static final String ROLE = "role";
    public static final String MIGRATED_TO = "migrated-to";
    public static final String LATE = "late";

    /** Config key holding the scenario database's name. */
    public static final String DATABASE_KEY = "migration-gate.test.database";

    /** Marks the test field that receives the {@link FaultProxy} of a {@value #LATE} database. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Proxy {
    }

    private Map<String, String> args = Map.of();
    private String role;
    private FaultProxy proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        args = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres server = TestPostgres.server();
        Map<String, String> config = new HashMap<>(super.start());
        String database = config.get(DATABASE_KEY);
        String user = server.user();
        String password = server.password();
        String kind = args.getOrDefault(ROLE, "admin");
        if (!kind.equals("admin")) {
            role = "mg_app_" + suffix();
            password = "pw" + suffix() + suffix();
            server.admin("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            user = role;
            switch (kind) {
                case "owner" -> server.admin("ALTER DATABASE " + database + " OWNER TO " + role);
                case "restricted" -> run(server, database, "GRANT USAGE, CREATE ON SCHEMA public TO " + role);
                default -> throw new IllegalArgumentException("Unknown " + ROLE + " " + kind);
            }
        }
        String migratedTo = args.get(MIGRATED_TO);
        if (migratedTo != null) {
            run(server, database, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            run(server, database, "CREATE EXTENSION IF NOT EXISTS pgcrypto");
            Flyway.configure(ScenarioDatabase.class.getClassLoader())
                    .dataSource(server.jdbcUrl(database), user, password)
                    .locations("classpath:db/migration")
                    .target(migratedTo)
                    .load()
                    .migrate();
        }
        String host = server.host();
        int port = server.port();
        if (Boolean.parseBoolean(args.getOrDefault(LATE, "false"))) {
            try {
                proxy = new FaultProxy(server.host(), server.port());
            } catch (IOException e) {
                throw new UncheckedIOException("Reserving a port for the late database's proxy failed", e);
            }
            host = "127.0.0.1";
            port = proxy.port();
        }
        String userInfo = role == null ? "" : user + ":" + password + "@";
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
        config.put("quarkus.datasource.reactive.url", "postgresql://" + userInfo + host + ":" + port + "/" + database);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        if (proxy != null) {
            injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, FaultProxy.class));
        }
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Closing the late database's proxy failed", e);
        } finally {
            super.stop();
            if (role != null) {
                TestPostgres.server().admin("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private static void run(TestPostgres server, String database, String sql) {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Running '" + sql + "' in " + database + " failed: " + e.getMessage(), e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    }
}

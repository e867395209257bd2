package dev.migrationgate.testdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server the tests use, chosen the same way everywhere, in this order:
 * <ol>
 * <li>{@code MIGRATION_GATE_TEST_PG_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD} from the environment;</li>
 * <li>a server answering on 127.0.0.1:5432 (user {@code postgres});</li>
 * <li>a Testcontainers {@code pgvector/pgvector:pg17} container when a Docker engine exists;</li>
 * <li>otherwise a failure saying what to set.</li>
 * </ol>
 * Tests get fresh databases on that server from {@link #createDatabase()} and drop them afterwards.
 */
public final class TestPostgres {

    public static final String ENV_HOST = "MIGRATION_GATE_TEST_PG_HOST";
    public static final String ENV_PORT = "MIGRATION_GATE_TEST_PG_PORT";
    public static final String ENV_USER = "MIGRATION_GATE_TEST_PG_USER";
    public static final String ENV_PASSWORD = "MIGRATION_GATE_TEST_PG_PASSWORD";
    static final String IMAGE = "pgvector/pgvector:pg17";

    private static TestPostgres server;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String origin;

    private TestPostgres(String host, int port, String user, String password, String origin) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.origin = origin;
    }

    /** The server for this test run, located on first use. */
    public static synchronized TestPostgres server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static TestPostgres locate() {
        String envHost = System.getenv(ENV_HOST);
        if (envHost != null && !envHost.isBlank()) {
            String port = System.getenv().getOrDefault(ENV_PORT, "5432");
            return new TestPostgres(envHost, Integer.parseInt(port), System.getenv().getOrDefault(ENV_USER, "postgres"),
                    System.getenv().getOrDefault(ENV_PASSWORD, ""), "environment (" + ENV_HOST + ")");
        }
        if (answers("127.0.0.1", 5432)) {
            return new TestPostgres("127.0.0.1", 5432, "postgres", "", "local server 127.0.0.1:5432");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(
                    org.testcontainers.utility.DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
            container.start();
            return new TestPostgres(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers " + IMAGE);
        }
        throw new IllegalStateException("No PostgreSQL for the tests: set " + ENV_HOST + " (and " + ENV_PORT + ", "
                + ENV_USER + ", " + ENV_PASSWORD + ") to a server whose user may create databases, or start"
                + " PostgreSQL on 127.0.0.1:5432 with user postgres, or provide a Docker engine for Testcontainers.");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String origin() {
        return origin;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A connection to {@code database} as the server's administrative user. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates an empty database with a unique name and returns the name. */
    public String createDatabase() {
        String name = "mg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return name;
    }

    /** Drops {@code database}, disconnecting whoever is still connected. */
    public void dropDatabase(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Runs one statement on the maintenance database {@code postgres}. */
    public void admin(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Running '" + sql + "' on " + origin + " failed: " + e.getMessage(), e);
        }
    }
}

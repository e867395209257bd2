package dev.migrationgate.inspect;

import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Reads the datasource URLs with the drivers' own parsers (pgjdbc's {@link Driver#parseURL}, the reactive
 * client's {@link PgConnectOptions#fromUri}), never by hand: the database name for messages, the passwords
 * a URL carries (to keep them out of logs), and whether a URL is one the driver would misread. Messages
 * name the configuration key, never the URL.
 */
public final class ConnectionUrls {

    /** Config key of the JDBC URL. */
    public static final String JDBC_KEY = "quarkus.datasource.jdbc.url";
    /** Config key of the reactive URL. */
    public static final String REACTIVE_KEY = "quarkus.datasource.reactive.url";

    private ConnectionUrls() {
    }

    /** The database a JDBC URL names, as pgjdbc reads it; empty when it names none or is unparseable. */
    public static Optional<String> jdbcDatabase(String url) {
        return jdbc(url).map(p -> p.getProperty(PGProperty.PG_DBNAME.getName())).filter(name -> !name.isEmpty());
    }

    /** The database a reactive URL names, as the reactive client reads it; empty when unparseable. */
    public static Optional<String> reactiveDatabase(String url) {
        return reactive(url).map(PgConnectOptions::getDatabase).filter(name -> !name.isEmpty());
    }

    /**
     * The passwords a JDBC or reactive URL carries ({@code password=}, {@code sslpassword=}, user-info). The
     * reactive client fills in {@code pass} when a URL has none; that default is not a secret and is left out
     * (masking it would mask "passed" in every log line).
     */
    public static List<String> passwords(String jdbcUrl, String reactiveUrl) {
        List<String> passwords = new ArrayList<>();
        jdbc(jdbcUrl).ifPresent(p -> {
            passwords.add(p.getProperty(PGProperty.PASSWORD.getName()));
            passwords.add(p.getProperty(PGProperty.SSL_PASSWORD.getName()));
        });
        reactive(reactiveUrl).map(PgConnectOptions::getPassword)
                .filter(password -> !password.equals(PgConnectOptions.DEFAULT_PASSWORD))
                .ifPresent(passwords::add);
        return passwords.stream().filter(p -> p != null && !p.isEmpty()).toList();
    }

    /**
     * Why {@code url} under {@code key} must be refused at start-up, if it must: the driver cannot parse it,
     * or (JDBC) it carries {@code user:password@}, which pgjdbc would read as part of the host name and then
     * print in its connection errors.
     */
    public static Optional<String> refusal(String key, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (key.equals(JDBC_KEY)) {
            Optional<Properties> parsed = jdbc(url);
            if (parsed.isEmpty()) {
                return Optional.of(key + " is not a URL the PostgreSQL JDBC driver can parse; expected"
                        + " jdbc:postgresql://host:port/database. Set the credentials with quarkus.datasource.username"
                        + " and quarkus.datasource.password instead of inside the URL.");
            }
            if (parsed.get().getProperty(PGProperty.PG_HOST.getName(), "").contains("@")) {
                return Optional.of(key + " holds user:password@ before the host, which the PostgreSQL JDBC driver does"
                        + " not support (it would read it as the host name). Remove it and set"
                        + " quarkus.datasource.username and quarkus.datasource.password.");
            }
            return Optional.empty();
        }
        if (reactive(url).isEmpty()) {
            return Optional.of(key + " is not a URL the reactive PostgreSQL client can parse. Percent-encode '@', '/',"
                    + " '?', ':', '%' and spaces in the user and password (e.g. @ as %40), or set them with"
                    + " quarkus.datasource.username and quarkus.datasource.password instead of inside the URL.");
        }
        return Optional.empty();
    }

    private static Optional<Properties> jdbc(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Driver.parseURL(url, null));
    }

    private static Optional<PgConnectOptions> reactive(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PgConnectOptions.fromUri(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The drivers' own parsers read the URLs; ambiguous ones are refused naming the key, never showing the URL. */
class ConnectionUrlsTest {

    @Test
    void databaseNamesAreTheDriversReading() {
        assertEquals(Optional.of("app"), ConnectionUrls.jdbcDatabase("jdbc:postgresql://127.0.0.1:5432/app?sslmode=require"));
        assertEquals(Optional.empty(), ConnectionUrls.jdbcDatabase("jdbc:postgresql://db:5432/"));
        assertEquals(Optional.of("app"), ConnectionUrls.reactiveDatabase("postgresql://db:5432/app?sslmode=require"));
    }

    @Test
    void reactiveUrlWithoutDatabasePathNeverYieldsTheUserInfoAsDatabaseName() {
        Optional<String> name = ConnectionUrls.reactiveDatabase("postgresql://app:S3cret@db:5432");
        assertFalse(name.orElse("").contains("S3cret"), name.toString());
        assertEquals(List.of("S3cret"), ConnectionUrls.passwords(null, "postgresql://app:S3cret@db:5432"));
    }

    @Test
    void urlsWithoutPasswordsCarryNone() {
        assertEquals(List.of(), ConnectionUrls.passwords("jdbc:postgresql://db/app", "postgresql://db:5432/app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p@ss", "a/b?c", "x:y@z", "100%off", "it's", "two words"})
    void percentEncodedAwkwardPasswordsAreAcceptedAndKnown(String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        String reactive = "postgresql://app:" + encoded + "@db:5432/app";
        String jdbc = "jdbc:postgresql://db:5432/app?password=" + encoded + "&sslpassword=" + encoded;
        assertEquals(Optional.empty(), ConnectionUrls.refusal(ConnectionUrls.REACTIVE_KEY, reactive));
        assertEquals(Optional.empty(), ConnectionUrls.refusal(ConnectionUrls.JDBC_KEY, jdbc));
        assertEquals(List.of(password, password, password), ConnectionUrls.passwords(jdbc, reactive));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p@ss", "a/b?c", "it's me"})
    void rawAwkwardPasswordInReactiveUserInfoIsRefusedNamingTheKey(String password) {
        Optional<String> refusal = ConnectionUrls.refusal(ConnectionUrls.REACTIVE_KEY,
                "postgresql://app:" + password + "@db:5432/app");
        assertTrue(refusal.orElseThrow().startsWith("quarkus.datasource.reactive.url "), refusal.toString());
        assertFalse(refusal.get().contains(password), refusal.get());
    }

    @Test
    void jdbcUrlWithUserInfoIsRefusedNamingTheKey() {
        Optional<String> refusal = ConnectionUrls.refusal(ConnectionUrls.JDBC_KEY, "jdbc:postgresql://app:S3cret@db:5432/app");
        assertTrue(refusal.orElseThrow().startsWith("quarkus.datasource.jdbc.url "), refusal.toString());
        assertFalse(refusal.get().contains("S3cret"), refusal.get());
        assertTrue(ConnectionUrls.refusal(ConnectionUrls.JDBC_KEY, "postgresql://db/app").isPresent(), "not a JDBC URL");
    }
}

package dev.migrationgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials leave no text that passes through {@link Redaction}, whatever characters they hold. */
class RedactionTest {

    /** Passwords with every character that breaks a naive URL or parameter pattern. */
    static final String[] AWKWARD = {"S3cret", "p@ss", "a/b?c", "x:y@z", "100%off", "it's", "two words", "@/?:%' mix"};

    /** A raw space ends a URL in text, so a password with one is masked only when {@link Redaction#protect}ed. */
    @ParameterizedTest
    @ValueSource(strings = {"S3cret", "p@ss", "a/b?c", "x:y@z", "100%off", "it's", "@/?:%'mix"})
    void userInfoIsMaskedUpToTheLastAtOfTheUrl(String password) {
        String text = "connecting to postgresql://app:" + password + "@db:5432/app failed";
        String redacted = Redaction.redact(text);
        assertFalse(redacted.contains(password), redacted);
        assertTrue(redacted.contains("postgresql://***@db:5432/app failed"), redacted);
    }

    @Test
    void urlWithoutDatabasePathIsMasked() {
        assertEquals("url postgresql://***@db:5432 refused", Redaction.redact("url postgresql://app:S3cret@db:5432 refused"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=S3cret", "password = S3cret", "sslpassword=S3cret", "PASSWORD=S3cret",
            "password='S3cret'", "password = \"S3cret\"", "jdbc:postgresql://db/app?user=app&password=S3cret&ssl=true",
            "password: S3cret", "{\"user\":\"app\",\"password\":\"S3cret \\\" quoted\"}", "{\"password\" : \"S3cret\"}"})
    void parametersAreMasked(String text) {
        String redacted = Redaction.redact("options " + text);
        assertFalse(redacted.contains("S3cret"), redacted);
    }

    @Test
    void quotedParameterWithSpacesAndQuotesIsMaskedWhole() {
        String redacted = Redaction.redact("password='it''s two words' host=db");
        assertEquals("password=*** host=db", redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE ROLE app LOGIN PASSWORD 'S3cret it''s'", "ALTER ROLE app WITH ENCRYPTED PASSWORD 'S3cret it''s'"})
    void sqlPasswordLiteralsAreMasked(String sql) {
        String redacted = Redaction.redact(sql);
        assertFalse(redacted.contains("S3cret") || redacted.contains("it''s"), redacted);
        assertTrue(redacted.endsWith("PASSWORD '***'"), redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE ROLE app LOGIN PASSWORD $$S3cret 'it''s'$$ VALID UNTIL 'infinity'",
            "CREATE ROLE app LOGIN PASSWORD $pw$S3cret $$ inner$pw$ VALID UNTIL 'infinity'",
            "ALTER ROLE app PASSWORD E'S3cret \\' it''s' VALID UNTIL 'infinity'",
            "ALTER ROLE app PASSWORD U&'S3cret \\0041' VALID UNTIL 'infinity'",
            "alter role app password\n  $$S3cret\nsecond line$$ VALID UNTIL 'infinity'"})
    void everyStringConstantAfterPasswordIsMaskedAndTheRestOfTheStatementKept(String sql) {
        String redacted = Redaction.redact(sql);
        assertFalse(redacted.contains("S3cret") || redacted.contains("inner") || redacted.contains("second line"),
                redacted);
        assertTrue(redacted.endsWith("'***' VALID UNTIL 'infinity'"), redacted);
    }

    @Test
    void unterminatedDollarQuotedPasswordIsMaskedToTheEnd() {
        assertEquals("Position: 12 in CREATE ROLE app PASSWORD '***'",
                Redaction.redact("Position: 12 in CREATE ROLE app PASSWORD $x$S3cret VALID UNTIL"));
    }

    @Test
    void protectedSecretsAreMaskedRawAndPercentEncodedWhereverTheyAppear() {
        for (String secret : AWKWARD) {
            String unique = secret + "-" + System.nanoTime();
            Redaction.protect(unique);
            String encoded = URLEncoder.encode(unique, StandardCharsets.UTF_8);
            String redacted = Redaction.redact("FATAL: user says " + unique + " and " + encoded + " and "
                    + encoded.replace("+", "%20"));
            assertFalse(redacted.contains(unique) || redacted.contains(encoded), redacted);
        }
    }

    @Test
    void textWithoutCredentialsIsUnchangedAndNullStaysNull() {
        String text = "ERROR: relation \"users\" does not exist (SQLSTATE 42P01) at https://example.org/docs";
        assertEquals(text, Redaction.redact(text));
        assertEquals(null, Redaction.redact(null));
    }
}

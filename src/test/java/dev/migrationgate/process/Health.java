package dev.migrationgate.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** A parsed SmallRye Health answer ({@code /q/health/*}): the overall status and each named check. */
public final class Health {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final String raw;

    private Health(JsonNode root, String raw) {
        this.root = root;
        this.raw = raw;
    }

    /** Parses {@code answer}; fails with the body when it is not a health document. */
    public static Health of(AppProcess.Response answer) {
        try {
            JsonNode root = JSON.readTree(answer.body());
            if (root == null || !root.has("status") || !root.has("checks")) {
                throw new AssertionError("Not a health document: " + answer);
            }
            return new Health(root, answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a health document: " + answer, e);
        }
    }

    /** True when {@code answer} is a health document whose overall status is {@code status}. */
    public static boolean is(AppProcess.Response answer, String status) {
        try {
            JsonNode root = JSON.readTree(answer.body());
            return root != null && status.equals(root.path("status").asText());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public String status() {
        return root.path("status").asText();
    }

    /** The status of check {@code name}; fails when there is no such check. */
    public String check(String name) {
        return node(name).path("status").asText();
    }

    /** The data value {@code key} of check {@code name}, as text. */
    public Optional<String> data(String name, String key) {
        JsonNode value = node(name).path("data").path(key);
        return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
    }

    private JsonNode node(String name) {
        return StreamSupport.stream(root.path("checks").spliterator(), false)
                .filter(check -> name.equals(check.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No health check named " + name + " in " + raw));
    }

    @Override
    public String toString() {
        return raw;
    }
}

package dev.migrationgate.testdb;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A plain HTTP client for one base URL (the public or the management interface of the application under
 * test), with a request timeout so a hung endpoint fails the test instead of hanging it.
 */
public final class Http {

    /** The longest any request may take; far above every limit the tests assert. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI base;

    private Http(URI base) {
        this.base = base;
    }

    /**
     * A client for the server of {@code url}, e.g. a {@code @TestHTTPResource} URL; its path is dropped
     * (the management URL ends in its root path {@code /q/}), so requests take the full contract paths.
     */
    public static Http at(URL url) {
        try {
            return new Http(new URI(url.getProtocol(), null, url.getHost(), url.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Polls {@code GET /q/gate} until its {@code status} is {@code status} (e.g. passed, failed); 60 s at most. */
    public Reply awaitGate(String status) {
        return Poll.until("the gate to be " + status, Duration.ofSeconds(60), () -> get("/q/gate"),
                r -> status.equals(r.json().getString("status")));
    }

    /** A GET sent without waiting for the reply. */
    public CompletableFuture<Reply> getAsync(String path) {
        return CLIENT.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).thenApply(Reply::of);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            return Reply.of(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.build().method() + " " + request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.build().uri(), e);
        }
    }

    /** A finished response: status, the Retry-After header (or null), the body. */
    public record Reply(int status, String retryAfter, String contentType, String body) {

        private static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://(?!\\*\\*\\*@)[^/@\\s\"]+@");
        private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=(?!\\*\\*\\*)");

        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }

        /** The health check named {@code name} of a health response, or null. */
        public Map<String, Object> check(String name) {
            return json().getMap("checks.find { it.name == '" + name + "' }");
        }

        /** UP or DOWN of the named check, or null when the response has no such check. */
        public String checkStatus(String name) {
            Map<String, Object> check = check(name);
            return check == null ? null : (String) check.get("status");
        }

        /** A data entry of the named check, or null. */
        public Object checkData(String name, String key) {
            Map<String, Object> check = check(name);
            if (check == null || !(check.get("data") instanceof Map<?, ?> data)) {
                return null;
            }
            return data.get(key);
        }

        /** The finding codes ({@code data.codes}) of the named check, split. */
        public List<String> codes(String name) {
            Object codes = checkData(name, "codes");
            return codes == null || codes.toString().isEmpty() ? List.of() : List.of(codes.toString().split(","));
        }

        /** Fails when the body holds {@code password} or a URL with user-info or a {@code password=} parameter. */
        public Reply assertNoCredentials(String password) {
            if (password != null && !password.isEmpty() && body.contains(password)) {
                throw new AssertionError("The body contains the datasource password: " + body);
            }
            if (URL_WITH_CREDENTIALS.matcher(body).find() || PASSWORD_PARAMETER.matcher(body).find()) {
                throw new AssertionError("The body contains a URL or parameter with credentials: " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return "HTTP " + status + (retryAfter == null ? "" : " Retry-After " + retryAfter) + " " + body;
        }
    }
}

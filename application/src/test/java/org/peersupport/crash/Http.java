package org.peersupport.crash;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the child process. Unlike the tests' {@code Api} it never throws for a
 * lost connection: it tells the caller whether the command may have reached the server
 * ({@link Outcome#noResponse()}) or certainly did not ({@link Outcome#unsent()}: connection refused).
 */
public final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
    }

    /** What came back: a status and body, or nothing. */
    record Outcome(int status, String body, boolean unsent) {

        static final Outcome NO_RESPONSE = new Outcome(-1, null, false);
        static final Outcome UNSENT = new Outcome(-1, null, true);

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The command may or may not have been carried out: the server died (or hung) before answering. */
        boolean noResponse() {
            return status < 0 && !unsent;
        }

        /** The connection was refused: the command never reached a server. */
        boolean unsentOnly() {
            return status < 0 && unsent;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String id() {
            return json().get("id").asString();
        }

        /** The rule named by a problem+json refusal, if any. */
        String rule() {
            if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
                return null;
            }
            try {
                JsonNode rule = json().get("rule");
                return rule == null || rule.isNull() ? null : rule.asString();
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status < 0 ? (unsent ? "unsent" : "no response") : status + " " + abbreviate(body);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Outcome get(String base, String auth, String path) {
        return exchange(base, auth, "GET", path, null);
    }

    Outcome post(String base, String auth, String path, Object body) {
        return exchange(base, auth, "POST", path, body == null ? null : JSON.writeValueAsString(body));
    }

    private Outcome exchange(String base, String auth, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.body(), false);
        } catch (IOException e) {
            return refused(e) ? Outcome.UNSENT : Outcome.NO_RESPONSE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NO_RESPONSE;
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

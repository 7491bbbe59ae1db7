package org.peersupport.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running application, signed in as one user (or nobody). */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null);
    }

    public Api as(String user, String password) {
        return new Api(base, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api coordinator() {
        return as("coordinator", "coordinator-demo");
    }

    public Api safeguardingLead() {
        return as("safeguarding", "safeguarding-demo");
    }

    public Api auditor() {
        return as("auditor", "auditor-demo");
    }

    public Api integration() {
        return as("integration", "integration-demo");
    }

    public Api anonymous() {
        return new Api(base, null);
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** A GET accepting any representation (e.g. Prometheus text). */
    public Response getAny(String path) {
        return exchange("GET", path, null, null, "*/*");
    }

    public Response post(String path, Object body) {
        return send("POST", path, body == null ? null : JSON.writeValueAsString(body), "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, JSON.writeValueAsString(body), "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return exchange(method, path, body, contentType, "application/json, application/problem+json");
    }

    private Response exchange(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole event history, paged through in order (as an auditor). */
    public java.util.List<JsonNode> history() {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = auditor().get("/api/audit/events?limit=1000&after=" + after).expect(200).json();
            page.forEach(all::add);
            if (page.size() < 1000) {
                return all;
            }
            after = page.get(page.size() - 1).get("position").asLong();
        }
    }

    /** How many events are stored: the measure of "nothing changed". */
    public int eventCount() {
        return history().size();
    }

    /** The history as text, for checking what it does and does not contain. */
    public String historyText() {
        return history().toString();
    }

    /** Polls a GET until its JSON satisfies the condition: read models are eventually consistent. */
    public JsonNode await(String path, Predicate<JsonNode> condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        Response last = null;
        while (System.currentTimeMillis() < deadline) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Condition not met for " + path + "; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String id() {
            return json().get("id").asString();
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }
}

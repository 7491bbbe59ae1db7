package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A seeded generator of malformed, boundary and hostile requests sent to every endpoint of the API
 * as every role. Every request is one that must be refused; every answer must be below 500, every
 * 4xx must be problem+json, a bad field must be named, and the event store must not change at all.
 * The seed is printed; rerun a failure with {@code -Dpeersupport.hostile.seed=<seed>}.
 */
@PeerSupportTest
class HostileInputTest {

    private static final long SEED = Long.getLong("peersupport.hostile.seed", 20_260_803L);
    /**
     * Every signed-in request costs the server a BCrypt check (about 55 ms of CPU), so 2,000 keep the
     * test within a minute on two cores; {@code -Dpeersupport.hostile.requests=3000} for a longer run.
     */
    private static final int TOTAL = Integer.getInteger("peersupport.hostile.requests", 2_000);
    private static final int BASELINE_PER_ENDPOINT_AND_ROLE = 2;
    private static final int CLIENTS = 4;

    enum Role { COORDINATOR, SAFEGUARDING_LEAD, AUDITOR, INTEGRATION, ANONYMOUS }

    /** JSON text spliced into a body as it is: numbers no double holds, escapes, wrong shapes. */
    record Raw(String json) {
    }

    /** A field left out of the body altogether. */
    private static final Object REMOVE = new Object() {
        @Override
        public String toString() {
            return "<removed>";
        }
    };

    private static final String LONG_10K = "x".repeat(10_000);
    private static final String LONG_100K = "y".repeat(100_000);
    private static final String DEEP_10K = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String OVER_1MB = "z".repeat(1_100_000);
    /** Paths longer than this may take a request's head past Tomcat's 8 KB limit. */
    private static final int HEAD_LIMIT_MARGIN = 7_000;
    /** Just over the 256 KB the service accepts, and small enough to be written before the answer. */
    private static final String OVER_LIMIT = "w".repeat(300_000);

    /** Free text a head or supporter might type, or an attacker might: stored as is, never echoed. */
    private static final List<Object> NASTY_TEXT = List.of(
            "' OR '1'='1' --", "Robert'); DROP TABLE domain_event_entry;--", "{\"$ne\":null}",
            "{\"$where\":\"sleep(1000)\"}", "<script>alert('hostile')</script>", "<img src=x onerror=alert(1)>",
            "../../etc/passwd", "..\\..\\windows\\win.ini", "header\r\nSet-Cookie: hostile=1", "%s%s%s%n%n%x",
            "${jndi:ldap://example.invalid/a}",
            "#{7*7}", "{{7*7}}", "\u202Eevil\u202C", "a\u200D\u200Db", "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69",
            new Raw("\"nul\\u0000byte\""), new Raw("\"lone \\ud800 surrogate\""), new Raw("\"lone \\udfff low\""),
            "\uFEFFbom", "\u0007\u001b[31mred", "null", "undefined", "NaN", "-0", "1e309");

    /** Injection strings as standalone values (identifiers, vocabulary, query parameters). */
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE domain_event_entry", "{\"$ne\":null}", "{\"$gt\":\"\"}", "[$ne]=1",
            "<script>alert(1)</script>", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "a\r\nX-Injected: 1",
            "%s%n%x%d", "${jndi:ldap://example.invalid/a}", "\u202Eevil", "a\u200Db", "\uD83D\uDE00", "nul\u0000l",
            "\uD800", "*", ".*", "^", "\\", "%", "%00", "null", "true", "-1", " ");

    @LocalServerPort
    int port;

    private final Map<Role, Api> apis = new EnumMap<>(Role.class);
    private Random random;
    private String programmeId;
    private String supporterId;
    private String requestId;
    private String matchId;
    private String rulesJson;
    /** The application's today: its clock may be fixed, so never the test machine's date. */
    private LocalDate today;
    private List<Target> targets;

    // ---------------------------------------------------------------- the test

    @Test
    void thousandsOfHostileRequestsAsEveryRoleAreRefusedCleanlyAndChangeNothing() throws Exception {
        System.out.println("Hostile input seed: " + SEED + " (rerun with -Dpeersupport.hostile.seed=" + SEED + ")");
        random = new Random(SEED);
        List<Attempt> attempts = generate();
        int before = settledEventCount();

        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger fieldsNamed = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Attempt attempt : attempts) {
                sent.add(pool.submit(() -> check(attempt, send(attempt), byStatus, failures, fieldsNamed)));
            }
            for (Future<?> future : sent) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        int after = settledEventCount();

        Map<Integer, Integer> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.get()));
        long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("Hostile input: %d requests sent in %d s (seed %d), responses by status %s, %d responses"
                + " >= 500, %d bad fields named, %d failures, events %d -> %d%n", attempts.size(), seconds, SEED,
                statuses, serverErrors, fieldsNamed.get(), failures.size(), before, after);
        failures.stream().limit(Integer.getInteger("peersupport.hostile.print", 60))
                .forEach(f -> System.out.println("  FAILURE " + f));

        assertThat(attempts.size()).isGreaterThanOrEqualTo(TOTAL);
        assertThat(failures).as("requests answered wrongly (first 60 printed above; seed %d)", SEED).isEmpty();
        assertThat(serverErrors).as("responses >= 500").isZero();
        assertThat(after).as("refused requests change nothing: events in the store").isEqualTo(before);
    }

    // ---------------------------------------------------------------- set-up

    @BeforeEach
    void setUp() {
        Api api = Api.at(port);
        apis.put(Role.COORDINATOR, api.coordinator());
        apis.put(Role.SAFEGUARDING_LEAD, api.safeguardingLead());
        apis.put(Role.AUDITOR, api.auditor());
        apis.put(Role.INTEGRATION, api.integration());
        apis.put(Role.ANONYMOUS, api.anonymous());
        Api coordinator = apis.get(Role.COORDINATOR);
        programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Sturdy Supporter");
        requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        JsonNode request = coordinator.get("/api/requests/" + requestId).expect(200).json();
        matchId = request.get("matchId").asString();
        today = LocalDate.parse(request.get("requestedOn").asString());
        JsonNode templates = coordinator.get("/api/programmes/templates").expect(200).json();
        rulesJson = templates.get(0).get("rules").toString();
        targets = targets();
    }

    /** Counts every event in the store, once the saga and processors have stopped adding any. */
    private int settledEventCount() throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 40; i++) {
            int count = eventCount();
            if (count == last) {
                return count;
            }
            last = count;
            Thread.sleep(250);
        }
        return last;
    }

    private int eventCount() {
        Api auditor = apis.get(Role.AUDITOR);
        int count = 0;
        long after = -1;
        while (true) {
            JsonNode page = auditor.get("/api/audit/events?limit=1000&after=" + after).expect(200).json();
            count += page.size();
            if (page.size() < 1000) {
                return count;
            }
            after = page.get(page.size() - 1).get("position").asLong();
        }
    }

    // ---------------------------------------------------------------- sending and judging

    /**
     * One request. {@code brokenField}: the field a 400 must name; {@code expected}: the one status
     * allowed (0: any refusal); {@code chunked}: the body is sent without a length.
     */
    record Attempt(int n, Role role, String method, String path, String body, String contentType,
                   boolean mutation, String brokenField, String label, int expected, boolean chunked) {

        Attempt(int n, Role role, String method, String path, String body, String contentType, boolean mutation,
                String brokenField, String label) {
            this(n, role, method, path, body, contentType, mutation, brokenField, label, 0, false);
        }

        /** The same request where something before the body (the path, the role) must refuse it. */
        Attempt refusedBeforeTheBody(String newPath, String newLabel) {
            return new Attempt(n, role, method, newPath, body, contentType, true, null, newLabel, 0, chunked);
        }

        /**
         * A head over the server's 8 KB limit is refused before the body is read and the connection
         * closed; a client still sending its body may then see a reset in place of the 400 (RFC 9112
         * section 9.6; seen here 17 times in 1,600). So such a request is written by hand with
         * {@code Expect: 100-continue}, and its body is sent only if the server asks for it.
         */
        boolean waitsForContinue() {
            return body != null && path.length() > HEAD_LIMIT_MARGIN;
        }

        String describe() {
            String shown = path.length() > 160 ? path.substring(0, 160) + "...(" + path.length() + " chars)" : path;
            String sent = body == null ? "no body"
                    : "body " + HostileInputTest.describe(new Raw(body.replace("\r", "\\r").replace("\n", "\\n")));
            return "#" + n + " " + role + " " + method + " " + shown + " [" + label + "; " + sent + "]";
        }
    }

    private Api.Response send(Attempt attempt) {
        if (attempt.chunked() || attempt.waitsForContinue()) {
            return sendRaw(attempt);
        }
        try {
            URI.create("http://127.0.0.1" + attempt.path());
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(attempt); // bytes no URI class accepts, written to the socket as they are
        }
        try {
            return apis.get(attempt.role()).send(attempt.method(), attempt.path(), attempt.body(),
                    attempt.contentType());
        } catch (RuntimeException noAnswer) {
            return new Api.Response(-1, String.valueOf(noAnswer.getCause()), "");
        }
    }

    private static final Map<Role, String> CREDENTIALS = Map.of(Role.COORDINATOR, "coordinator:coordinator-demo",
            Role.SAFEGUARDING_LEAD, "safeguarding:safeguarding-demo", Role.AUDITOR, "auditor:auditor-demo",
            Role.INTEGRATION, "integration:integration-demo");

    /** HTTP/1.1 by hand, for request lines a well-behaved client refuses to send. */
    private Api.Response sendRaw(Attempt attempt) {
        byte[] body = attempt.body() == null ? new byte[0] : attempt.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(attempt.method()).append(' ').append(attempt.path())
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                .append("\r\nConnection: close\r\nAccept: application/json, application/problem+json\r\n");
        String credentials = CREDENTIALS.get(attempt.role());
        if (credentials != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (attempt.body() != null) {
            if (attempt.contentType() != null) {
                head.append("Content-Type: ").append(attempt.contentType()).append("\r\n");
            }
            head.append(attempt.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                    .append("\r\n");
        }
        if (attempt.waitsForContinue()) {
            head.append("Expect: 100-continue\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (attempt.waitsForContinue()) {
                byte[] first = readHead(socket.getInputStream());
                if (!new String(first, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                    // answered before the body was asked for: that answer is the whole exchange
                    byte[] rest = socket.getInputStream().readAllBytes();
                    byte[] answer = Arrays.copyOf(first, first.length + rest.length);
                    System.arraycopy(rest, 0, answer, first.length, rest.length);
                    return parse(answer);
                }
            }
            if (attempt.chunked()) {
                for (int at = 0; at < body.length; at += 8192) {
                    int size = Math.min(8192, body.length - at);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, size);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            return parse(answer);
        } catch (IOException noAnswer) {
            return new Api.Response(-1, String.valueOf(noAnswer), "");
        }
    }

    /** The bytes of a response head, up to and including its blank line (or the end of the stream). */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int tail = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            tail = tail << 8 | b;
            if (tail == 0x0D0A0D0A) {
                break;
            }
        }
        return head.toByteArray();
    }

    private static Api.Response parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || split < 0) {
            return new Api.Response(-1, "unparseable answer: " + shorten(text), "");
        }
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        String rest = text.substring(split + 4);
        if (chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < rest.length()) {
                int end = rest.indexOf("\r\n", at);
                int size = Integer.parseInt(rest.substring(at, end).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(rest, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            rest = body.toString();
        }
        return new Api.Response(status, new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                contentType);
    }

    private static void check(Attempt attempt, Api.Response response, Map<Integer, AtomicInteger> byStatus,
                              List<String> failures, AtomicInteger fieldsNamed) {
        int status = response.status();
        byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String answer = status + " " + shorten(response.contentType()) + " " + shorten(response.body());
        if (status < 0) {
            failures.add(attempt.describe() + " -> no answer: " + answer);
            return;
        }
        if (status >= 500) {
            failures.add(attempt.describe() + " -> server error: " + answer);
            return;
        }
        if (attempt.mutation() && status < 300) {
            failures.add(attempt.describe() + " -> accepted a request that must be refused: " + answer);
            return;
        }
        if (attempt.expected() != 0 && status != attempt.expected()) {
            failures.add(attempt.describe() + " -> expected " + attempt.expected() + ": " + answer);
            return;
        }
        if (status < 400) {
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(attempt.describe() + " -> 4xx without problem+json: " + answer);
            return;
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (RuntimeException unreadable) {
            failures.add(attempt.describe() + " -> problem+json that is not JSON: " + answer);
            return;
        }
        if (!problem.isObject() || problem.path("status").asInt() != status) {
            failures.add(attempt.describe() + " -> problem without its status: " + answer);
            return;
        }
        String detail = problem.path("detail").stringValue("");
        if (detail.length() > 500 || detail.codePoints().anyMatch(HostileInputTest::invisible)) {
            failures.add(attempt.describe() + " -> problem echoes hostile input: " + answer);
            return;
        }
        if (status == 400 && attempt.brokenField() != null) {
            JsonNode errors = problem.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                failures.add(attempt.describe() + " -> bad field " + attempt.brokenField() + " not named: " + answer);
                return;
            }
            // the problem shows a field's name with control and formatting characters as '?'
            String top = attempt.brokenField().split("[.\\[]")[0].codePoints()
                    .map(c -> invisible(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            boolean named = false;
            for (JsonNode error : errors) {
                String field = error.path("field").stringValue("");
                String shortened = field.endsWith("...") ? field.substring(0, field.length() - 3) : field;
                named |= field.startsWith(top) || (!shortened.isEmpty() && top.startsWith(shortened))
                        || field.equals("body");
            }
            if (!named) {
                failures.add(attempt.describe() + " -> errors do not name " + attempt.brokenField() + ": " + answer);
                return;
            }
            fieldsNamed.incrementAndGet();
        }
    }

    /** Control and formatting characters (CR, LF, NUL, right-to-left override, zero-width joiner). */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + ")" : text;
    }

    // ---------------------------------------------------------------- generation

    private List<Attempt> generate() {
        List<Attempt> attempts = new ArrayList<>();
        for (Target target : targets) {
            for (Role role : Role.values()) {
                for (int i = 0; i < BASELINE_PER_ENDPOINT_AND_ROLE; i++) {
                    attempts.add(target.attempt(attempts.size(), role));
                }
            }
        }
        attempts.addAll(ruleRefusals(attempts.size()));
        while (attempts.size() < TOTAL) {
            Target target = pick(targets);
            attempts.add(target.attempt(attempts.size(), roleFor(target)));
        }
        return attempts;
    }

    /** Mostly the role that may use the endpoint, so the malformed input reaches the application. */
    private Role roleFor(Target target) {
        double dice = random.nextDouble();
        if (dice < 0.75) {
            return target.owner();
        }
        return pick(Arrays.asList(Role.values()));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An endpoint of the API table. */
    interface Target {
        Role owner();

        Attempt attempt(int n, Role role);
    }

    private List<Target> targets() {
        return List.of(
                new Query("/api/programmes", Role.COORDINATOR, NO_PARAMETERS, null),
                new Command("POST", "/api/programmes", null, null, this::defineBody),
                new Query("/api/programmes/{id}", Role.COORDINATOR, NO_PARAMETERS, () -> programmeId),
                new Command("PUT", "/api/programmes/{id}/rules", () -> programmeId, () -> programmeId, this::rulesBody),
                new Query("/api/programmes/templates", Role.COORDINATOR, NO_PARAMETERS, null),
                new Command("POST", "/api/supporters", null, null, this::registerBody),
                new Command("POST", "/api/supporters/{id}/evidence", () -> supporterId, () -> supporterId,
                        this::evidenceBody),
                new Command("POST", "/api/supporters/{id}/approval", () -> supporterId, () -> supporterId, null),
                new Command("POST", "/api/supporters/{id}/pause", null, () -> supporterId, null),
                new Command("POST", "/api/supporters/{id}/resumption", () -> supporterId, () -> supporterId, null),
                new Command("POST", "/api/supporters/{id}/withdrawal", null, () -> supporterId, null),
                new Query("/api/supporters", Role.COORDINATOR, Map.of("programmeId", this::textParam,
                        "region", this::textParam, "phase", () -> enumParam("PRIMARY"),
                        "schoolType", () -> enumParam("RURAL"), "area", this::textParam,
                        "status", () -> enumParam("APPROVED"), "available", this::boolParam), null),
                new Query("/api/supporters/{id}", Role.COORDINATOR, NO_PARAMETERS, () -> supporterId),
                new Command("POST", "/api/requests", null, null, this::newRequestBody),
                new Command("POST", "/api/requests/{id}/profiles", () -> requestId, () -> requestId,
                        this::profilesBody),
                new Command("POST", "/api/requests/{id}/proposals", () -> requestId, () -> requestId,
                        this::supporterRefBody),
                new Command("POST", "/api/requests/{id}/sessions", () -> requestId, () -> requestId,
                        this::sessionBody),
                new Command("POST", "/api/requests/{id}/closure", () -> requestId, () -> requestId, this::closeBody),
                new Command("POST", "/api/requests/{id}/withdrawal", null, () -> requestId, null),
                new Query("/api/requests", Role.COORDINATOR, Map.of("programmeId", this::textParam,
                        "stage", () -> enumParam("IN_CYCLE"), "offset", this::numberParam,
                        "limit", this::numberParam), null),
                new Query("/api/requests/{id}", Role.COORDINATOR, NO_PARAMETERS, () -> requestId),
                new Command("POST", "/api/matches/{id}/choice", () -> matchId, () -> matchId, this::supporterRefBody),
                new Command("POST", "/api/matches/{id}/acceptance", () -> matchId, () -> matchId, null),
                new Command("POST", "/api/matches/{id}/decline", () -> matchId, () -> matchId, this::declineBody),
                new Query("/api/feedback", Role.COORDINATOR, Map.of("programmeId", this::textParam,
                        "requestId", this::textParam), null),
                new Command("POST", "/api/feedback/{id}", () -> "feedback-" + requestId, null, this::feedbackBody),
                new Command("POST", "/api/feedback/{id}/consent", null, null, null),
                new Query("/api/reports/oversight", Role.AUDITOR, Map.of("programmeId", this::textParam), null),
                new Query("/api/audit/events", Role.AUDITOR, Map.of("after", this::numberParam,
                        "limit", this::numberParam), null),
                new Query("/api/integration/events", Role.INTEGRATION, Map.of("after", this::numberParam,
                        "limit", this::numberParam), null),
                new Query("/api/admin/processors", Role.COORDINATOR, NO_PARAMETERS, null),
                new Command("POST", "/api/admin/processors/{id}/replay", null, null, null),
                new Query("/actuator/health", Role.ANONYMOUS, NO_PARAMETERS, null),
                new Query("/actuator/prometheus", Role.AUDITOR, NO_PARAMETERS, null));
    }

    private static final Map<String, Supplier<String>> NO_PARAMETERS = Map.of();

    /**
     * A read-only endpoint: hostile identifiers, parameters with bad values, unknown parameters,
     * bodies and content types a GET should ignore. Reads may succeed; they must never fail badly.
     */
    private final class Query implements Target {
        private final String template;
        private final Role owner;
        private final Map<String, Supplier<String>> parameters;
        private final Supplier<String> realId;

        Query(String template, Role owner, Map<String, Supplier<String>> parameters, Supplier<String> realId) {
            this.template = template;
            this.owner = owner;
            this.parameters = new TreeMap<>(parameters);
            this.realId = realId;
        }

        @Override
        public Role owner() {
            return owner;
        }

        @Override
        public Attempt attempt(int n, Role role) {
            String path = template;
            String label = "query";
            if (template.contains("{id}")) {
                boolean real = random.nextInt(4) == 0;
                String id = real ? realId.get() : hostileId();
                path = template.replace("{id}", id);
                label = real ? "real id" : "hostile id";
            }
            StringBuilder query = new StringBuilder();
            List<String> names = new ArrayList<>(parameters.keySet());
            for (String name : names) {
                if (random.nextBoolean()) {
                    append(query, name, parameters.get(name).get());
                }
            }
            switch (random.nextInt(6)) {
                case 0 -> append(query, pick(List.of("unknown", "__proto__", "$where", "limit[$ne]", "a\u0000b")),
                        pick(INJECTIONS));
                case 1 -> {
                    if (!names.isEmpty()) {
                        String name = pick(names);
                        append(query, name, parameters.get(name).get());
                        append(query, name, parameters.get(name).get());
                    }
                }
                case 2 -> query.append(query.isEmpty() ? "" : "&").append(pick(List.of("%zz", "&&&", "=", "a=%",
                        "limit", "%E0%A4%A", "x=%ED%A0%80", "x=%FF%FE")));
                default -> { }
            }
            if (!query.isEmpty()) {
                path += "?" + query;
                label += " + parameters";
            }
            String body = null;
            String contentType = null;
            if (random.nextInt(5) == 0) {
                body = pick(List.of("{\"limit\":1}", DEEP_10K, "not json", "<xml/>", "{\"$ne\":null}"));
                contentType = pick(Arrays.asList("application/json", "text/plain", "application/xml", null));
                label += " + body";
            }
            return new Attempt(n, role, "GET", path, body, contentType, false, null, label);
        }

        private void append(StringBuilder query, String name, String value) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(value == null ? "" : encode(value));
        }
    }

    /** A body as fields in order; a value may be {@link Raw} JSON or a nested body. */
    private static final class Body {
        final Map<String, Object> fields = new LinkedHashMap<>();
        String brokenField;
        String label;

        Body put(String name, Object value) {
            fields.put(name, value);
            return this;
        }
    }

    /** One field of a body: its valid value and the values that must be refused. */
    private record Field(String name, Object valid, boolean present, List<Object> breakers, boolean freeText,
                         String namedAs) {
        Field(String name, Object valid, boolean present, List<Object> breakers, boolean freeText) {
            this(name, valid, present, breakers, freeText, name);
        }
    }

    /**
     * A command endpoint. The request sent always breaks something that must be refused: a field, the
     * JSON, the content type, the method, the identifier in the path, or the role sending it.
     */
    private final class Command implements Target {
        private final String method;
        private final String template;
        private final Supplier<String> realId;
        private final Supplier<String> ownKind;
        private final Supplier<List<Field>> schema;

        /**
         * @param realId  the real record to send broken bodies to (or, without a body, a record whose
         *                state refuses the command); null when even that would be accepted
         * @param ownKind a real record of the kind the endpoint takes, never used as a "hostile" id
         */
        Command(String method, String template, Supplier<String> realId, Supplier<String> ownKind,
                Supplier<List<Field>> schema) {
            this.method = method;
            this.template = template;
            this.realId = realId;
            this.ownKind = ownKind;
            this.schema = schema;
        }

        private String hostile() {
            String own = ownKind == null ? null : ownKind.get();
            String id = hostileId();
            while (id.equals(own)) {
                id = hostileId();
            }
            return id;
        }

        @Override
        public Role owner() {
            return Role.COORDINATOR;
        }

        @Override
        public Attempt attempt(int n, Role role) {
            boolean hasId = template.contains("{id}");
            List<Field> fields = schema == null ? null : schema.get();
            if (role != Role.COORDINATOR) {
                // For other roles a perfectly valid request must be refused too.
                String id = hasId ? (ownKind != null && random.nextBoolean() ? ownKind.get() : hostileId()) : null;
                String path = hasId ? template.replace("{id}", id) : template;
                if (fields != null && random.nextBoolean()) {
                    String body = json(valid(fields).fields);
                    return new Attempt(n, role, method, path, body, "application/json", true, null,
                            "valid body, wrong role");
                }
                // refused for the role (or the path) before the body is read: no field need be named
                Attempt broken = mutated(n, role, path, fields, false);
                return broken.refusedBeforeTheBody(path, broken.label());
            }
            // The coordinator may do this: something in the request itself must be wrong.
            int dice = random.nextInt(10);
            if (hasId && (realId == null || dice < 3)) {
                String path = template.replace("{id}", hostile());
                if (fields == null || random.nextBoolean()) {
                    String body = fields == null ? pick(Arrays.asList(null, "{}", "{\"reason\":\"x\"}", DEEP_10K))
                            : json(valid(fields).fields);
                    return new Attempt(n, role, method, path, body, body == null ? null : "application/json", true,
                            null, "hostile id");
                }
                // the path is refused before the body is read, so no field need be named
                Attempt broken = mutated(n, role, path, fields, true);
                return broken.refusedBeforeTheBody(path, "hostile id + " + broken.label());
            }
            String path = hasId ? template.replace("{id}", realId.get()) : template;
            if (fields == null) {
                // Only endpoints whose real record refuses the command reach here (already approved, ...).
                if (random.nextInt(3) == 0) {
                    return new Attempt(n, role, pick(List.of("DELETE", "PATCH", "PUT")), path, null, null, true,
                            null, "wrong method");
                }
                return new Attempt(n, role, method, path, pick(Arrays.asList(null, "{\"force\":true}", "[]")),
                        "application/json", true, null, "refused by the record's state");
            }
            return mutated(n, role, path, fields, true);
        }

        /** Breaks the request for certain: the body, its shape, its content type, or the method. */
        private Attempt mutated(int n, Role role, String path, List<Field> fields, boolean mustBreakBody) {
            if (fields == null) {
                return new Attempt(n, role, random.nextInt(4) == 0 ? "DELETE" : method, path,
                        pick(Arrays.asList(null, "{}", DEEP_10K)), "application/json", true, null, "no body expected");
            }
            int dice = random.nextInt(100);
            if (dice < 55) {
                Body body = breakField(fields);
                return new Attempt(n, role, method, path, json(body.fields), "application/json", true, body.brokenField,
                        body.label);
            }
            String valid = json(valid(fields).fields);
            if (dice < 75) {
                return malformed(n, role, path, valid);
            }
            if (dice < 85) {
                String contentType = pick(Arrays.asList("text/plain", "application/xml", null,
                        "multipart/form-data; boundary=hostile", "application/x-www-form-urlencoded",
                        "application/json; charset=x-unknown", "*/*", "application/octet-stream", "text/html",
                        "application/json; charset=UTF-7"));
                if ("application/json; charset=x-unknown".equals(contentType)
                        || "application/json; charset=UTF-7".equals(contentType)) {
                    // a charset we cannot read must not slip through as valid
                    valid = valid.substring(0, valid.length() - 1) + ",\"unknownField\":1}";
                }
                return new Attempt(n, role, method, path, valid, contentType, true, null,
                        "content type " + contentType);
            }
            if (dice < 92) {
                if (random.nextInt(3) == 0) {
                    // no length to refuse it by: cut off as it is read, inside a field it must read whole
                    String body = "{\"" + fields.get(0).name() + "\":\"" + OVER_LIMIT + "\"}";
                    return new Attempt(n, role, method, path, body, "application/json", true, null,
                            "oversized body without a length", 413, true);
                }
                Body body = valid(fields);
                body.put("padding", OVER_1MB);
                return new Attempt(n, role, method, path, json(body.fields), "application/json", true, "padding",
                        "oversized body", 413, false);
            }
            String wrong = pick(List.of("DELETE", "PATCH", "PUT".equals(method) ? "POST" : "PUT"));
            return new Attempt(n, role, wrong, path, valid, "application/json", true, null, "wrong method");
        }

        private Attempt malformed(int n, Role role, String path, String valid) {
            int cut = 1 + random.nextInt(Math.max(1, valid.length() - 1));
            List<String> bodies = List.of(valid.substring(0, Math.min(cut, valid.length() - 1)),
                    valid + " trailing garbage", valid + "}", valid + valid, valid + "{\"extra\":1}",
                    DEEP_10K, "{\"a\":" + DEEP_10K + "}", "[" + valid + "]", "[]", "\"just a string\"", "null", "42",
                    "true", "", "   ", "{", "}", "{'single':'quotes'}", "/* comment */" + valid,
                    "{\"a\" 1}", "{\"a\":1,}", "\u0000\u0001\u0002", "{\"a\":\"\\uZZZZ\"}", "{\"a\":\"unterminated}",
                    "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":1e999999999}");
            if (template.endsWith("/closure")) {
                // the closure's body is optional: nothing, blanks or a JSON null mean "closed today"
                bodies = bodies.stream().filter(b -> !b.isBlank() && !b.equals("null")).toList();
            }
            String body = pick(bodies);
            return new Attempt(n, role, method, path, body, "application/json", true, null, "malformed JSON");
        }

        /** A valid body with exactly one field broken (and perhaps hostile text in free-text fields). */
        private Body breakField(List<Field> fields) {
            Body body = valid(fields);
            garnish(body, fields);
            List<Field> breakable = fields.stream().filter(f -> !f.breakers().isEmpty()).toList();
            if (breakable.isEmpty() || random.nextInt(8) == 0) {
                String unknown = pick(List.of("nickname", "__proto__", "constructor", "$where", "isAdmin", "actor",
                        "programmeId ", "\u0000", "", "x".repeat(300), "\u202Eactor"));
                body.put(unknown, random.nextBoolean() ? "hostile" : new Raw("{\"$ne\":null}"));
                body.brokenField = unknown;
                body.label = "unknown field";
                return body;
            }
            Field field = pick(breakable);
            Object value = pick(field.breakers());
            if (value instanceof Body nested) {
                body.put(field.name(), nested);
                body.brokenField = field.name() + "." + nested.brokenField;
                body.label = "bad " + body.brokenField + " (" + nested.label + ")";
                return body;
            }
            if (value == REMOVE) {
                body.fields.remove(field.name());
            } else {
                body.put(field.name(), value);
            }
            body.brokenField = field.namedAs();
            body.label = "bad " + field.name() + " = " + describe(value);
            return body;
        }

        /** Hostile but acceptable text in free-text fields: it must be refused by the field broken elsewhere. */
        private void garnish(Body body, List<Field> fields) {
            for (Field field : fields) {
                if (field.freeText() && random.nextInt(3) == 0) {
                    body.put(field.name(), pick(NASTY_TEXT));
                }
            }
        }
    }

    private Body valid(List<Field> fields) {
        Body body = new Body();
        for (Field field : fields) {
            if (field.present()) {
                Object value = field.valid();
                body.put(field.name(), value instanceof Supplier<?> supplier ? supplier.get() : value);
            }
        }
        return body;
    }

    private static String describe(Object value) {
        String shown = value instanceof Raw raw ? raw.json() : String.valueOf(value);
        return shown.length() > 40 ? shown.substring(0, 40) + "...(" + shown.length() + " chars)" : shown;
    }

    // ---------------------------------------------------------------- schemas of the bodies

    private List<Field> defineBody() {
        return List.of(
                new Field("programmeId", "hostile-" + randomId().substring(0, 8), true,
                        concat(List.of("Bad Id", "ab", "a".repeat(64), "-starts-with-dash", "../../etc/passwd",
                                new Raw("{}"), new Raw("[\"a\",\"b\"]"), programmeId, LONG_10K),
                                notMatching(INJECTIONS, "[a-z0-9][a-z0-9-]{2,62}")), false),
                new Field("name", "Invented hostile programme", true, text(200, true, true), true),
                new Field("template", "LOCAL_AUTHORITY_PEER_SUPPORT", true, enumeration(true), false),
                new Field("rules", null, false, List.of(new Raw(rulesJson)), false, "template"));
    }

    private List<Field> rulesBody() {
        return List.of(new Field("rules", new Raw(rulesJson), true, concat(List.of(REMOVE, new Raw("null"),
                new Raw("[]"), "rules", new Raw(DEEP_10K)), brokenRules()), false));
    }

    /** The template's rules with one rule broken. */
    private List<Object> brokenRules() {
        Map<String, List<Object>> breaks = new LinkedHashMap<>();
        breaks.put("matchingMode", List.of("RANDOM", new Raw("null"), new Raw("{}"), REMOVE));
        breaks.put("profilesToShare", List.of(0, -1, 21, new Raw("2147483648"), new Raw("1e309"), "NaN", REMOVE));
        breaks.put("supporterCapacity", List.of(0, 21, -1, new Raw("-1e309")));
        breaks.put("minYearsAsHead", List.of(-1, 51, "many"));
        breaks.put("regions", List.of(new Raw("[]"), "north", new Raw("null"), REMOVE));
        breaks.put("areasOfNeed", List.of(new Raw("[]"), new Raw("{}"), REMOVE));
        breaks.put("whoMayRequest", List.of(new Raw("[]"), new Raw("[\"KING\"]"), REMOVE));
        breaks.put("supporterCriteria", List.of(new Raw("null"), new Raw("[\"BRIBERY\"]"), REMOVE));
        breaks.put("personalFieldsCollected", List.of(new Raw("[\"SHOE_SIZE\"]"), new Raw("null")));
        breaks.put("meetingCap", List.of(0, -1, 1001, new Raw("1e309")));
        breaks.put("monthsCap", List.of(0, -6));
        breaks.put("firstMeetingMaxMinutes", List.of(-1, 0, 100_000));
        breaks.put("maxMeetingsPerTerm", List.of(0, "twice"));
        breaks.put("unknownRule", List.of(1, "x"));
        List<Object> bodies = new ArrayList<>();
        JsonNode rules = Api.JSON.readTree(rulesJson);
        breaks.forEach((name, values) -> {
            for (Object value : values) {
                Body nested = new Body();
                rules.properties().forEach(e -> nested.put(e.getKey(), new Raw(e.getValue().toString())));
                if (value == REMOVE) {
                    nested.fields.remove(name);
                } else {
                    nested.put(name, value);
                }
                nested.brokenField = name;
                nested.label = describe(value);
                bodies.add(nested);
            }
        });
        return bodies;
    }

    private List<Field> registerBody() {
        return List.of(
                new Field("programmeId", programmeId, true, programmeRef(), false),
                new Field("name", "Invented Hostile Supporter", true, text(200, false, false), true),
                new Field("workEmail", "invented.hostile@example.org", true, email(), false),
                new Field("schoolName", "Invented Hostile Primary", true, text(200, false, false), true),
                new Field("background", "Invented background", true, text(2000, false, false), true),
                new Field("region", "north", true, vocabulary(), false),
                new Field("phase", "PRIMARY", true, enumeration(true), false),
                new Field("schoolTypes", List.of("RURAL"), true, enumSet(), false),
                new Field("sizeBand", "SMALL", true, enumeration(true), false),
                new Field("areasHandled", List.of("budget"), true, vocabularySet(30), false),
                new Field("formerHead", false, random.nextBoolean(), bool(), false),
                new Field("capacity", 2, random.nextBoolean(), integer(1, 20, false), false));
    }

    private List<Field> evidenceBody() {
        return List.of(
                new Field("criterion", "LOCAL_KNOWLEDGE", true, enumeration(true), false),
                new Field("yearsAsHead", 7, random.nextBoolean(), integer(0, 60, false), false),
                new Field("judgement", "GOOD", random.nextBoolean(), enumeration(false), false),
                new Field("date", "2025-09-01", random.nextBoolean(), date(true, false), false),
                new Field("areasHandled", List.of("budget"), random.nextBoolean(), textSet(30, 64), false),
                new Field("confirmed", true, true, bool(), false));
    }

    private List<Field> newRequestBody() {
        return List.of(
                new Field("programmeId", programmeId, true, programmeRef(), false),
                new Field("headId", "invented-head-" + random.nextInt(1000), random.nextBoolean(),
                        concat(List.of("short", "a".repeat(65), "has space", new Raw("{}")),
                                notMatching(INJECTIONS, "[A-Za-z0-9-]{8,64}")),
                        false),
                new Field("headName", "Invented Hostile Head", true, text(200, false, false), true),
                new Field("workEmail", "invented.asker@example.org", true, email(), false),
                new Field("schoolName", "Invented Hostile Infants", true, text(200, false, false), true),
                new Field("role", "HEADTEACHER", true, concat(enumeration(true), List.of("ASSOCIATION_MEMBER")), false),
                new Field("region", "north", true, vocabulary(), false),
                new Field("phase", "PRIMARY", true, enumeration(true), false),
                new Field("schoolTypes", List.of("MAINTAINED"), random.nextBoolean(), enumSet(), false),
                new Field("sizeBand", "SMALL", true, enumeration(true), false),
                new Field("areasOfNeed", List.of("budget"), true, vocabularySet(20), false));
    }

    private List<Field> profilesBody() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(randomId());
        }
        return List.of(new Field("supporterIds", List.of(supporterId), true, List.of(REMOVE, new Raw("null"),
                new Raw("[]"), tooMany, new Raw("[null]"), new Raw("[\"\"]"), List.of("x".repeat(65)), supporterId,
                new Raw("{\"$ne\":null}"), new Raw("[[\"" + supporterId + "\"]]"), List.of(LONG_10K)), false));
    }

    private List<Field> supporterRefBody() {
        return List.of(new Field("supporterId", supporterId, true, List.of(REMOVE, new Raw("null"), "", "   ",
                "x".repeat(65), LONG_100K, new Raw("{\"$ne\":null}"), new Raw("[\"a\",\"b\"]"), new Raw(DEEP_10K)),
                false));
    }

    private List<Field> sessionBody() {
        return List.of(
                new Field("heldOn", today.toString(), true,
                        concat(date(true, true), List.of(today.plusDays(1).toString())), false),
                new Field("startTime", "10:00", true, List.of("25:00", "24:00", "10:60", "noon", "-1:00", "10h00",
                        new Raw("{}"), new Raw("{\"$ne\":null}"), LONG_10K), false),
                new Field("durationMinutes", 30, true, integer(1, 480, true), false),
                new Field("mode", pick(List.of("VIDEO", "PHONE")), true, enumeration(true), false),
                new Field("exceptionReason", null, false, text(2000, false, false), false));
    }

    private List<Field> closeBody() {
        return List.of(new Field("closedOn", today.toString(), true, concat(date(true, false),
                List.of(today.plusDays(1).toString())), false));
    }

    private List<Field> declineBody() {
        return List.of(new Field("declinedBy", "HEAD", true, enumeration(true), false));
    }

    private List<Field> feedbackBody() {
        return List.of(
                new Field("rating", 4, true, integer(1, 5, true), false),
                new Field("comment", "Invented comment", true, text(4000, false, false), true));
    }

    // ---------------------------------------------------------------- values that must be refused

    private static List<Object> concat(List<?> first, List<?> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> notMatching(List<String> values, String pattern) {
        return values.stream().filter(v -> !v.matches(pattern)).toList();
    }

    private static List<Object> required() {
        return List.of(REMOVE, new Raw("null"));
    }

    private static List<Object> text(int max, boolean notBlank, boolean required) {
        List<Object> values = new ArrayList<>(List.of("t".repeat(max + 1), LONG_100K, new Raw("{\"$ne\":null}"),
                new Raw("[\"a\",\"b\"]"), new Raw("{}"), new Raw(DEEP_10K)));
        if (max < 10_000) {
            values.add(LONG_10K);
        }
        if (notBlank) {
            values.addAll(List.of("", "   ", "\t\n"));
        }
        if (required) {
            values.addAll(required());
        }
        return values;
    }

    private List<Object> programmeRef() {
        return concat(List.of(REMOVE, new Raw("null"), "", "   ", "p".repeat(65), "no-such-programme", supporterId,
                requestId, new Raw("{\"$ne\":null}"), new Raw("[\"a\",\"b\"]")), INJECTIONS);
    }

    private static List<Object> vocabulary() {
        return concat(List.of(REMOVE, new Raw("null"), "", "r".repeat(65), "atlantis", new Raw("{}"), LONG_10K),
                INJECTIONS);
    }

    private static List<Object> email() {
        return List.of("not-an-email", "a@@example.org", "@example.org", "x".repeat(250) + "@example.org",
                "invented@example.org\r\nBcc: victim@example.org", "<script>@@example.org", new Raw("{\"$ne\":null}"),
                new Raw("[\"a@example.org\",\"b@example.org\"]"));
    }

    private static List<Object> enumeration(boolean required) {
        List<Object> values = new ArrayList<>(List.of("NOT_A_VALUE", "' OR 1=1 --", "<script>alert(1)</script>",
                new Raw("999"), new Raw("-1"), new Raw("{}"), new Raw("[\"A\",\"B\"]"), new Raw("{\"$ne\":null}"),
                "\u202EYRAMIRP", "PRIMARY\u0000", "%s%n", LONG_10K));
        if (required) {
            values.addAll(required());
            values.add("");
        }
        return values;
    }

    private static List<Object> enumSet() {
        return List.of(new Raw("[\"CASTLE\"]"), "RURAL", new Raw("{}"), new Raw("[null]"), new Raw("[[\"RURAL\"]]"),
                new Raw("{\"$ne\":null}"));
    }

    private static List<Object> vocabularySet(int maxItems) {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= maxItems; i++) {
            tooMany.add("budget-" + i);
        }
        return concat(List.of(REMOVE, new Raw("null"), new Raw("[]"), "budget", new Raw("{}"), new Raw("[null]"),
                new Raw("[\"\"]"), tooMany, List.of("a".repeat(65)), List.of("astrology"), new Raw("[[\"budget\"]]"),
                new Raw("{\"$ne\":null}"), List.of(LONG_10K)), INJECTIONS.stream().map(List::of).toList());
    }

    private static List<Object> textSet(int maxItems, int maxLength) {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= maxItems; i++) {
            tooMany.add("area-" + i);
        }
        return List.of("budget", new Raw("{}"), new Raw("[null]"), new Raw("[\"\"]"), tooMany,
                List.of("a".repeat(maxLength + 1)), new Raw("[[\"budget\"]]"), new Raw("{\"$ne\":null}"));
    }

    private static List<Object> integer(int min, int max, boolean required) {
        List<Object> values = new ArrayList<>(List.of(min - 1, max + 1, new Raw("2147483648"),
                new Raw("-2147483649"), new Raw("99999999999999999999999999"), new Raw("1e309"), new Raw("-1e309"),
                "NaN", "Infinity", "three", new Raw("[]"), new Raw("{}"), new Raw("{\"$ne\":null}"), "0x10",
                Integer.MAX_VALUE, Integer.MIN_VALUE));
        if (min > 0) {
            values.addAll(List.of(0, -1));
        }
        if (required) {
            values.addAll(required());
        }
        return values;
    }

    private static List<Object> bool() {
        return List.of("maybe", "yes please", new Raw("{}"), new Raw("[true,false]"), new Raw("{\"$ne\":null}"));
    }

    private static List<Object> date(boolean notInFuture, boolean required) {
        List<Object> values = new ArrayList<>(List.of("2026-02-30", "2025-02-29", "not-a-date", "2026-13-01",
                "2026-00-10", "31/12/2025", "2025-12-31T25:00", "+1000000000-01-01", new Raw("{}"),
                new Raw("{\"$ne\":null}"), new Raw("true"), "' OR 1=1 --", LONG_10K));
        if (notInFuture) {
            values.addAll(List.of("9999-12-31", "2999-01-01"));
        }
        if (required) {
            values.addAll(required());
            values.add("");
        }
        return values;
    }

    // ---------------------------------------------------------------- hostile identifiers and parameters

    /** An identifier for a path segment: never the right record for the endpoint. */
    private String hostileId() {
        return switch (random.nextInt(5)) {
            case 0 -> randomId();
            case 1 -> pick(List.of(programmeId, supporterId, requestId, matchId, "feedback-" + requestId));
            case 2 -> encode(pick(INJECTIONS));
            case 3 -> pick(List.of("a/b", "%2F", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "..", ".", "%2e%2e",
                    "%00", "%0d%0aSet-Cookie:%20hostile=1", "%25s%25n", "%E2%80%AE", "%ED%A0%80", "%F0%9F%98%80",
                    "%E2%80%8D", "%FF%FE", "%zz", "%", ";jsessionid=1", "a;b=c", "%5C", "~root", "*", "%20",
                    "%7B%22%24ne%22%3Anull%7D", "a b", "<script>", "\"quoted\"", "{id}", "a|b", "^", "`", "%G1",
                    "\\..\\..\\etc"));
            default -> pick(List.of("x".repeat(300), "x".repeat(10_000), "1", "0", "-1", "null", "undefined",
                    "9".repeat(40), "PRIMARY", "templates"));
        };
    }

    /** An identifier no record has, drawn from the seed so a run can be repeated. */
    private String randomId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String textParam() {
        return random.nextInt(3) == 0 ? pick(List.of("north", programmeId, requestId, "budget"))
                : pick(concat(INJECTIONS, List.of(LONG_10K.substring(0, 3000), "", "x".repeat(65))).stream()
                        .map(String::valueOf).toList());
    }

    private String enumParam(String valid) {
        return pick(List.of(valid, "NOT_A_VALUE", valid.toLowerCase(), "", "' OR 1=1", "999", "-1", valid + ",x",
                "<script>", "%s%n", "\u202E" + valid));
    }

    private String boolParam() {
        return pick(List.of("true", "false", "maybe", "", "1", "yes", "TRUE", "null", "{\"$ne\":null}"));
    }

    private String numberParam() {
        return pick(List.of("0", "-1", "-2", "1", "1000", "1001", "99999999999999999999", "1e309", "NaN", "Infinity",
                "abc", "", "1.5", "0x10", " 5", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                "%s", "' OR 1=1"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- requests the records themselves refuse

    /**
     * Requests in a perfectly valid shape that the state of the records must refuse (already approved,
     * already accepted, not the programme's matching mode, a session before the cycle began, ...).
     */
    private List<Attempt> ruleRefusals(int first) {
        List<Attempt> attempts = new ArrayList<>();
        String yesterday = today.minusDays(1).toString();
        String[][] cases = {
            {"POST", "/api/supporters/" + supporterId + "/approval", null},
            {"POST", "/api/supporters/" + supporterId + "/resumption", null},
            {"POST", "/api/matches/" + matchId + "/acceptance", null},
            {"POST", "/api/matches/" + matchId + "/decline", "{\"declinedBy\":\"HEAD\"}"},
            {"POST", "/api/matches/" + matchId + "/choice", "{\"supporterId\":\"" + supporterId + "\"}"},
            {"POST", "/api/matches/" + matchId + "/choice", "{\"supporterId\":\"" + randomId() + "\"}"},
            {"POST", "/api/requests/" + requestId + "/proposals", "{\"supporterId\":\"" + supporterId + "\"}"},
            {"POST", "/api/requests/" + requestId + "/sessions",
                "{\"heldOn\":\"" + yesterday + "\",\"startTime\":\"10:00\",\"durationMinutes\":30,\"mode\":\"VIDEO\"}"},
            {"POST", "/api/requests/" + requestId + "/sessions",
                "{\"heldOn\":\"" + today + "\",\"startTime\":\"10:00\",\"durationMinutes\":61,\"mode\":\"IN_PERSON\"}"},
            {"POST", "/api/programmes", "{\"programmeId\":\"" + programmeId
                + "\",\"name\":\"Invented again\",\"template\":\"LOCAL_AUTHORITY_PEER_SUPPORT\"}"},
            {"POST", "/api/feedback/feedback-" + requestId, "{\"rating\":4,\"comment\":\"Invented\"}"},
            {"POST", "/api/feedback/feedback-" + requestId + "/consent", null},
        };
        for (String[] c : cases) {
            attempts.add(new Attempt(first + attempts.size(), Role.COORDINATOR, c[0], c[1], c[2],
                    c[2] == null ? null : "application/json", true, null, "refused by the record's state"));
        }
        return attempts;
    }

    // ---------------------------------------------------------------- JSON writing

    /** Writes a body exactly as given: {@link Raw} values unchanged, strings escaped as JSON requires. */
    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Body body) {
            write(out, body.fields);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            writeString(out, value.toString());
        }
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

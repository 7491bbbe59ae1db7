package org.peersupport.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The read models as the API serves them, snapshotted as sets keyed by identifier, and rebuilt from
 * the whole history through the admin replay endpoint for comparison.
 */
final class ReadModels {

    static final List<String> PROCESSORS = List.of("request-queue", "supporter-directory", "oversight", "programmes",
            "feedback-ledger");
    private static final String COORDINATOR = Http.basic("coordinator", "coordinator-demo");
    /** Fields derived from the clock at query time rather than from events. */
    private static final Set<String> VOLATILE = Set.of("ageDays");

    private record View(String name, String path, String idField) {
    }

    private static final List<View> VIEWS = List.of(
            new View("requests", "/api/requests", "requestId"),
            new View("supporters", "/api/supporters", "supporterId"),
            new View("programmes", "/api/programmes", "programmeId"),
            new View("feedback", "/api/feedback", "feedbackId"),
            new View("oversight", "/api/reports/oversight", null));

    /** view -> id -> canonical JSON; and the raw documents for reading values back. */
    record Snapshot(Map<String, Map<String, String>> canonical, Map<String, Map<String, JsonNode>> raw) {

        int size() {
            return canonical.values().stream().mapToInt(Map::size).sum();
        }
    }

    private final Http http;

    ReadModels(Http http) {
        this.http = http;
    }

    Snapshot snapshot(String base) {
        Map<String, Map<String, String>> canonical = new TreeMap<>();
        Map<String, Map<String, JsonNode>> raw = new TreeMap<>();
        for (View view : VIEWS) {
            Http.Outcome o = http.get(base, COORDINATOR, view.path());
            if (o.status() != 200) {
                throw new IllegalStateException("GET " + view.path() + ": " + o);
            }
            JsonNode json = o.json();
            Map<String, String> byId = new TreeMap<>();
            Map<String, JsonNode> rawById = new TreeMap<>();
            if (view.idField() == null) {
                byId.put(view.name(), canonical(json));
                rawById.put(view.name(), json);
            } else {
                for (JsonNode item : json) {
                    String id = item.get(view.idField()).asString();
                    if (byId.put(id, canonical(item)) != null) {
                        byId.put(id + " (listed twice)", canonical(item));
                    }
                    rawById.put(id, item);
                }
            }
            canonical.put(view.name(), byId);
            raw.put(view.name(), rawById);
        }
        return new Snapshot(canonical, raw);
    }

    /** Waits until the processors are running, none replaying or failed, and the read models stop changing. */
    Snapshot settle(String base, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Snapshot last = null;
        int stable = 0;
        while (System.currentTimeMillis() < deadline) {
            if (processorsIdle(base)) {
                Snapshot now = snapshot(base);
                stable = last != null && last.canonical().equals(now.canonical()) ? stable + 1 : 0;
                last = now;
                if (stable >= 3) {
                    return now;
                }
            } else {
                stable = 0;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("read models did not settle within " + timeoutMillis + " ms; processors: "
                + http.get(base, COORDINATOR, "/api/admin/processors"));
    }

    /** Drops every read model and rebuilds it from the whole history. */
    void replayAll(String base) throws InterruptedException {
        for (String name : PROCESSORS) {
            Http.Outcome o = http.post(base, COORDINATOR, "/api/admin/processors/" + name + "/replay", null);
            if (o.status() != 202) {
                throw new IllegalStateException("replay " + name + ": " + o);
            }
        }
        Thread.sleep(500);
    }

    /** Names of processors in error. */
    List<String> failedProcessors(String base) {
        List<String> failed = new ArrayList<>();
        Http.Outcome o = http.get(base, COORDINATOR, "/api/admin/processors");
        if (o.status() == 200) {
            for (JsonNode p : o.json()) {
                if (p.get("error").asBoolean() || !p.get("running").asBoolean()) {
                    failed.add(p.get("name").asString());
                }
            }
        }
        return failed;
    }

    private boolean processorsIdle(String base) {
        Http.Outcome o = http.get(base, COORDINATOR, "/api/admin/processors");
        if (o.status() != 200) {
            return false;
        }
        for (JsonNode p : o.json()) {
            if (PROCESSORS.contains(p.get("name").asString())
                    && (!p.get("running").asBoolean() || p.get("replaying").asBoolean() || p.get("error").asBoolean())) {
                return false;
            }
        }
        return true;
    }

    /** Differences between two snapshots, one line each, keyed by view and identifier. */
    static List<String> differences(Snapshot before, Snapshot after) {
        List<String> diffs = new ArrayList<>();
        for (String view : before.canonical().keySet()) {
            Map<String, String> a = before.canonical().get(view);
            Map<String, String> b = after.canonical().get(view);
            Set<String> ids = new TreeSet<>(a.keySet());
            ids.addAll(b.keySet());
            for (String id : ids) {
                String x = a.get(id);
                String y = b.get(id);
                if (x == null) {
                    diffs.add(view + " " + id + ": only in the rebuilt read model");
                } else if (y == null) {
                    diffs.add(view + " " + id + ": only in the live read model (the rebuild from history has no such record)");
                } else if (!x.equals(y)) {
                    diffs.add(view + " " + id + ": " + fieldDifferences(before.raw().get(view).get(id),
                            after.raw().get(view).get(id)));
                }
            }
        }
        return diffs;
    }

    private static String fieldDifferences(JsonNode live, JsonNode rebuilt) {
        List<String> parts = new ArrayList<>();
        Set<String> names = new TreeSet<>(live.propertyNames());
        names.addAll(rebuilt.propertyNames());
        for (String name : names) {
            if (VOLATILE.contains(name)) {
                continue;
            }
            String x = live.has(name) ? canonical(live.get(name)) : "(absent)";
            String y = rebuilt.has(name) ? canonical(rebuilt.get(name)) : "(absent)";
            if (!x.equals(y)) {
                parts.add(name + " live=" + Http.abbreviate(x) + " rebuilt=" + Http.abbreviate(y));
            }
        }
        return String.join("; ", parts);
    }

    /** Objects with sorted keys (clock-derived fields left out), arrays as sorted multisets. */
    static String canonical(JsonNode node) {
        if (node == null) {
            return "null";
        }
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            new TreeSet<>(node.propertyNames()).stream().filter(n -> !VOLATILE.contains(n)).forEach(n -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append('"').append(n).append("\":").append(canonical(node.get(n)));
            });
            return out.append('}').toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            items.sort(null);
            return "[" + String.join(",", items) + "]";
        }
        return node.toString();
    }
}

package org.peersupport.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The event store as the auditor sees it: GET /api/audit/events, paged through in global order. */
final class Feed {

    private static final String AUDITOR = Http.basic("auditor", "auditor-demo");
    private static final int PAGE = 1000;

    record Entry(long position, String type, String aggregateType, String aggregateId, long sequence,
                 Instant timestamp) {
    }

    private Feed() {
    }

    /**
     * Events after the position, in order: always a gap-free prefix of the history. With
     * {@code stopAtShortPage} it ends at the first page shorter than asked for once it has passed
     * {@code atLeastTo} (a store still being appended to never yields an empty page); without, at
     * the first empty page.
     */
    static List<Entry> after(Http http, String base, long after, long atLeastTo, boolean stopAtShortPage) {
        List<Entry> all = new ArrayList<>();
        long cursor = after;
        while (true) {
            Http.Outcome page = http.get(base, AUDITOR, "/api/audit/events?after=" + cursor + "&limit=" + PAGE);
            if (page.status() != 200) {
                throw new IllegalStateException("audit feed after " + cursor + ": " + page);
            }
            JsonNode entries = page.json();
            if (entries.isEmpty()) {
                return all;
            }
            for (JsonNode e : entries) {
                Entry entry = new Entry(e.get("position").asLong(), e.get("type").asString(),
                        text(e.get("aggregateType")), text(e.get("aggregateId")),
                        e.get("sequence") == null || e.get("sequence").isNull() ? -1 : e.get("sequence").asLong(),
                        Instant.parse(e.get("timestamp").asString()));
                all.add(entry);
                cursor = Math.max(cursor, entry.position());
            }
            if (stopAtShortPage && entries.size() < PAGE && cursor >= atLeastTo) {
                return all;
            }
        }
    }

    /** The whole history, to the first empty page: for a store nobody is appending to. */
    static List<Entry> all(Http http, String base) {
        return after(http, base, -1, Long.MAX_VALUE, false);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}

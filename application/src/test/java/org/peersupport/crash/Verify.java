package org.peersupport.crash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peersupport.crash.Ledger.Entry;
import org.peersupport.crash.Ledger.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Holds the ledger of commands against the event store's history (and the read models' values):
 * every acknowledged command has its event; no event is there more often than the commands sent
 * could explain; the saga's reactions happened exactly once; personal values read back as sent.
 */
final class Verify {

    /** One acknowledged command whose event is not in the store. */
    record Lost(Kind kind, String aggregateId, long ackedAtMillis, int epoch) {
    }

    final Map<Kind, long[]> perKind = new LinkedHashMap<>(); // acknowledged, found, lost, inFlight, inFlightFound
    final List<Lost> lost = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    long acknowledged;
    long found;
    long inFlight;
    long inFlightFound;
    long duplicated;
    long sagaEffectsMissing;
    long crossAggregateMismatches;
    long streamGaps;
    long personalDataLost;
    long readModelMissing;
    long erasedValues;

    private final Map<String, List<Feed.Entry>> streams = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    Verify(List<Feed.Entry> feed, Ledger ledger) {
        for (Kind kind : Kind.values()) {
            perKind.put(kind, new long[5]);
        }
        index(feed);
        commands(ledger);
        sagaAndCrossAggregate(feed, ledger);
    }

    int count(String aggregateId, String type) {
        return counts.getOrDefault(aggregateId + "|" + type, 0);
    }

    private void index(List<Feed.Entry> feed) {
        Set<Long> positions = new HashSet<>();
        Map<String, Integer> sequences = new HashMap<>();
        for (Feed.Entry e : feed) {
            if (!positions.add(e.position())) {
                duplicated++;
                problem("position " + e.position() + " appears twice in the feed");
            }
            if (e.aggregateId() == null) {
                continue;
            }
            String key = e.aggregateId() + "#" + e.sequence();
            if (sequences.merge(key, 1, Integer::sum) > 1) {
                duplicated++;
                problem("aggregate " + e.aggregateId() + " has two events with sequence " + e.sequence());
            }
            streams.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            counts.merge(e.aggregateId() + "|" + e.type(), 1, Integer::sum);
        }
        streams.forEach((id, events) -> {
            List<Long> seqs = events.stream().map(Feed.Entry::sequence).sorted().distinct().toList();
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i) {
                    streamGaps++;
                    problem("stream " + id + " is missing sequence " + i + " (has " + seqs + ")");
                    break;
                }
            }
        });
    }

    private void commands(Ledger ledger) {
        Map<String, List<Entry>> byTarget = new TreeMap<>();
        Map<Kind, Integer> unknownInFlight = new HashMap<>();
        Map<Kind, Set<String>> knownIds = new HashMap<>();
        for (Entry e : ledger.entries()) {
            long[] k = perKind.get(e.kind());
            if (e.acked()) {
                acknowledged++;
                k[0]++;
            } else {
                inFlight++;
                k[3]++;
            }
            if (e.aggregateId() == null) {
                unknownInFlight.merge(e.kind(), 1, Integer::sum);
                continue;
            }
            knownIds.computeIfAbsent(e.kind(), x -> new HashSet<>()).add(e.aggregateId());
            byTarget.computeIfAbsent(e.kind() + "|" + e.aggregateId(), x -> new ArrayList<>()).add(e);
        }
        for (List<Entry> sent : byTarget.values()) {
            Kind kind = sent.get(0).kind();
            String id = sent.get(0).aggregateId();
            List<Entry> acked = sent.stream().filter(Entry::acked).sorted(Comparator.comparingLong(Entry::atMillis))
                    .toList();
            long unanswered = sent.size() - acked.size();
            int stored = count(id, kind.event);
            long[] k = perKind.get(kind);
            int foundHere = Math.min(acked.size(), stored);
            found += foundHere;
            k[1] += foundHere;
            // the stream lost its tail: the latest acknowledgements are the ones missing
            for (Entry missing : acked.subList(foundHere, acked.size())) {
                lost.add(new Lost(kind, id, missing.atMillis(), missing.epoch()));
                k[2]++;
            }
            long extra = stored - acked.size();
            if (extra > 0) {
                long explained = Math.min(extra, unanswered);
                inFlightFound += explained;
                k[4] += explained;
                if (extra > explained) {
                    duplicated += extra - explained;
                    problem(kind.event + " x" + stored + " in " + id + " for " + acked.size() + " acknowledged and "
                            + unanswered + " unanswered commands");
                }
            }
        }
        // commands whose identifier the server assigns, left unanswered: their records may exist under ids we never saw
        for (Kind kind : Kind.values()) {
            if (!kind.serverAssignsId()) {
                continue;
            }
            Set<String> known = knownIds.getOrDefault(kind, Set.of());
            long orphans = streams.entrySet().stream()
                    .filter(s -> s.getValue().stream().anyMatch(e -> e.sequence() == 0 && e.type().equals(kind.event)))
                    .filter(s -> !known.contains(s.getKey())).count();
            int unanswered = unknownInFlight.getOrDefault(kind, 0);
            long explained = Math.min(orphans, unanswered);
            inFlightFound += explained;
            perKind.get(kind)[4] += explained;
            if (orphans > explained) {
                duplicated += orphans - explained;
                problem(orphans + " " + kind.event + " records nobody asked for (only " + unanswered
                        + " such commands went unanswered)");
            }
        }
    }

    private void sagaAndCrossAggregate(List<Feed.Entry> feed, Ledger ledger) {
        // an accepted match starts its request's cycle exactly once
        Map<String, Integer> reservedBySupporter = new HashMap<>();
        Map<String, Integer> proposedBySupporter = new HashMap<>();
        Map<String, Integer> releasesExpected = new HashMap<>();
        for (Map.Entry<String, String> m : ledger.requestOfMatch.entrySet()) {
            String matchId = m.getKey();
            String requestId = m.getValue();
            String supporterId = ledger.supporterOfMatch.get(matchId);
            if (count(matchId, "MatchAccepted") > 0) {
                int started = count(requestId, "CycleStarted");
                if (started == 0) {
                    sagaEffectsMissing++;
                    problem("match " + matchId + " accepted but request " + requestId + " has no CycleStarted");
                } else if (started > 1) {
                    duplicated += started - 1;
                    problem("request " + requestId + " has CycleStarted x" + started);
                }
            }
            if (supporterId != null && count(matchId, "MatchProposed") > 0) {
                proposedBySupporter.merge(supporterId, 1, Integer::sum);
            }
            if (supporterId != null && count(requestId, "CycleClosed") > 0) {
                releasesExpected.merge(supporterId, 1, Integer::sum);
            }
        }
        // a closed cycle asks for feedback exactly once
        for (String requestId : streams.keySet()) {
            if (count(requestId, "CycleClosed") > 0 && count("feedback-" + requestId, "FeedbackRequested") == 0) {
                sagaEffectsMissing++;
                problem("request " + requestId + " closed but no FeedbackRequested");
            }
        }
        // a place is held only together with the proposal (one unit of work), and given back when the cycle closes
        for (Map.Entry<String, List<Feed.Entry>> s : streams.entrySet()) {
            boolean supporter = s.getValue().stream().anyMatch(e -> "Supporter".equals(e.aggregateType()));
            if (!supporter) {
                continue;
            }
            String supporterId = s.getKey();
            int reserved = count(supporterId, "CapacityReserved");
            int released = count(supporterId, "CapacityReleased");
            reservedBySupporter.put(supporterId, reserved);
            int proposed = proposedBySupporter.getOrDefault(supporterId, 0);
            if (reserved != proposed) {
                crossAggregateMismatches++;
                problem("supporter " + supporterId + ": CapacityReserved x" + reserved + " but MatchProposed x" + proposed);
            }
            int expected = releasesExpected.getOrDefault(supporterId, 0);
            if (released < expected) {
                sagaEffectsMissing += expected - released;
                problem("supporter " + supporterId + ": " + expected + " closed cycles but CapacityReleased x" + released);
            } else if (released > expected) {
                duplicated += released - expected;
                problem("supporter " + supporterId + ": CapacityReleased x" + released + " for " + expected
                        + " closed cycles");
            }
        }
    }

    /** Personal values of acknowledged (and stored) records read back from the read models as they were sent. */
    void personalData(ReadModels.Snapshot snapshot, Ledger ledger) {
        Map<String, JsonNode> requests = snapshot.raw().get("requests");
        Map<String, JsonNode> supporters = snapshot.raw().get("supporters");
        Map<String, JsonNode> feedback = snapshot.raw().get("feedback");
        Set<String> lostIds = lost.stream().map(l -> l.kind() + "|" + l.aggregateId()).collect(Collectors.toSet());
        Set<String> ackedIds = ledger.entries().stream().filter(Entry::acked)
                .map(e -> e.kind() + "|" + e.aggregateId()).filter(k -> !lostIds.contains(k))
                .collect(Collectors.toSet());
        ledger.personalValues.forEach((id, value) -> {
            JsonNode doc;
            String field;
            if (ackedIds.contains(Kind.REQUEST + "|" + id)) {
                doc = requests.get(id);
                field = "headName";
            } else if (ackedIds.contains(Kind.REGISTER_SUPPORTER + "|" + id)) {
                doc = supporters.get(id);
                field = "name";
            } else if (ackedIds.contains(Kind.FEEDBACK + "|" + id)) {
                doc = feedback.get(id);
                field = "comment";
            } else {
                return;
            }
            if (doc == null) {
                readModelMissing++;
                problem("acknowledged record " + id + " is not in its read model");
                return;
            }
            JsonNode shown = doc.get(field);
            String text = shown == null || shown.isNull() ? null : shown.asString();
            if (!value.equals(text)) {
                personalDataLost++;
                problem("record " + id + ": " + field + " reads " + text + " (sent: " + value + ")");
            }
        });
        snapshot.canonical().values().forEach(view -> view.values().forEach(json -> {
            int from = 0;
            while ((from = json.indexOf("[erased]", from)) >= 0) {
                erasedValues++;
                from++;
            }
        }));
    }

    private void problem(String text) {
        problems.add(text);
    }
}

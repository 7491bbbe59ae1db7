package org.peersupport.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every command the load sent that may have changed something: acknowledged (a 2xx came back) or
 * in flight (sent, no answer: the server was killed or hung). Refused commands (4xx, 5xx) are only
 * counted: a refused command changes nothing. Each entry names the aggregate whose stream must hold
 * the event the command produces.
 */
final class Ledger {

    /** A command kind and the event it must leave in the named aggregate's stream. */
    enum Kind {
        DEFINE_PROGRAMME("ProgrammeDefined"),
        REGISTER_SUPPORTER("SupporterRegistered"),
        EVIDENCE("EligibilityEvidenceRecorded"),
        APPROVE("SupporterApproved"),
        REQUEST("SupportRequested"),
        SHARE_PROFILES("ProfilesShared"),
        CHOOSE("MatchProposed"),
        ACCEPT("MatchAccepted"),
        SESSION("SessionHeld"),
        CLOSE("CycleClosed"),
        FEEDBACK("FeedbackGiven");

        final String event;

        Kind(String event) {
            this.event = event;
        }

        /** The server makes up the identifier: an unanswered command leaves us not knowing it. */
        boolean serverAssignsId() {
            return this == REGISTER_SUPPORTER || this == REQUEST || this == SHARE_PROFILES;
        }
    }

    /** {@code aggregateId} is null for an unanswered command whose identifier the server was to assign. */
    record Entry(Kind kind, String aggregateId, boolean acked, long atMillis, int epoch) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    /** Personal values as sent, by record: a request's head name, a supporter's name, a feedback comment. */
    final Map<String, String> personalValues = new ConcurrentHashMap<>();
    final Map<String, String> requestOfMatch = new ConcurrentHashMap<>();
    final Map<String, String> supporterOfMatch = new ConcurrentHashMap<>();
    final Map<String, String> matchOfRequest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    final AtomicInteger unsent = new AtomicInteger();
    final AtomicInteger stuck = new AtomicInteger();
    final AtomicInteger lifecycles = new AtomicInteger();

    void acked(Kind kind, String aggregateId, int epoch) {
        entries.add(new Entry(kind, aggregateId, true, System.currentTimeMillis(), epoch));
    }

    void inFlight(Kind kind, String aggregateId, int epoch) {
        entries.add(new Entry(kind, kind.serverAssignsId() ? null : aggregateId, false, System.currentTimeMillis(),
                epoch));
    }

    void refused(Kind kind, int status, String rule) {
        refusals.computeIfAbsent(kind + " " + status + (rule == null ? "" : " " + rule), k -> new AtomicInteger())
                .incrementAndGet();
    }

    List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    long acknowledged() {
        return entries.stream().filter(Entry::acked).count();
    }

    long inFlight() {
        return entries.stream().filter(e -> !e.acked()).count();
    }

    long inFlight(int epoch) {
        return entries.stream().filter(e -> !e.acked() && e.epoch() == epoch).count();
    }

    Map<String, Integer> refusals() {
        Map<String, Integer> copy = new TreeMap<>();
        refusals.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}

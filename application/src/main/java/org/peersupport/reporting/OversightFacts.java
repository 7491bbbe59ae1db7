package org.peersupport.reporting;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.pcollections.HashTreePSet;
import org.pcollections.PSet;
import org.peersupport.reporting.api.RequestStage;
import org.springframework.data.annotation.Id;

/** The oversight report's own facts: no personal data, only what the counts and rates need. */
final class OversightFacts {

    private OversightFacts() {
    }

    record RequestFacts(@Id String requestId, String programmeId, String region, Set<String> areas, RequestStage stage,
                        LocalDate requestedOn, LocalDate matchedOn, Set<String> accepted, Set<String> declined,
                        Set<String> sessions, LocalDate closedOn, boolean reviewOverdue, Set<String> extensions,
                        Set<String> endedMatches) {

        RequestFacts {
            areas = Set.copyOf(areas);
            accepted = Set.copyOf(accepted);
            declined = Set.copyOf(declined);
            sessions = Set.copyOf(sessions);
            extensions = Set.copyOf(extensions);
            endedMatches = Set.copyOf(endedMatches);
        }

        RequestFacts reviewFellDue() {
            return new RequestFacts(requestId, programmeId, region, areas, stage, requestedOn, matchedOn, accepted,
                    declined, sessions, closedOn, true, extensions, endedMatches);
        }

        /** Keyed by the new review date, so the same extension counted twice is still one. */
        RequestFacts extended(LocalDate nextReview) {
            return new RequestFacts(requestId, programmeId, region, areas, stage, requestedOn, matchedOn, accepted,
                    declined, sessions, closedOn, false, add(extensions, nextReview.toString()), endedMatches);
        }

        RequestFacts matchEnded(String matchId) {
            return new RequestFacts(requestId, programmeId, region, areas, RequestStage.AWAITING_MATCH, requestedOn,
                    matchedOn, accepted, declined, sessions, closedOn, false, extensions, add(endedMatches, matchId));
        }

        RequestFacts at(RequestStage next) {
            return new RequestFacts(requestId, programmeId, region, areas, next, requestedOn, matchedOn, accepted,
                    declined, sessions, closedOn, reviewOverdue, extensions, endedMatches);
        }

        RequestFacts acceptedMatch(String matchId, LocalDate on) {
            return new RequestFacts(requestId, programmeId, region, areas, stage, requestedOn, on, add(accepted, matchId),
                    declined, sessions, closedOn, reviewOverdue, extensions, endedMatches);
        }

        RequestFacts declinedMatch(String matchId) {
            return new RequestFacts(requestId, programmeId, region, areas, RequestStage.AWAITING_MATCH, requestedOn,
                    matchedOn, accepted, add(declined, matchId), sessions, closedOn, reviewOverdue, extensions, endedMatches);
        }

        RequestFacts session(String sessionId) {
            return new RequestFacts(requestId, programmeId, region, areas, stage, requestedOn, matchedOn, accepted,
                    declined, add(sessions, sessionId), closedOn, reviewOverdue, extensions, endedMatches);
        }

        RequestFacts closed(RequestStage finalStage, LocalDate on) {
            return new RequestFacts(requestId, programmeId, region, areas, finalStage, requestedOn, matchedOn, accepted,
                    declined, sessions, on, false, extensions, endedMatches);
        }

        boolean open() {
            return stage == RequestStage.AWAITING_MATCH || stage == RequestStage.PROFILES_SHARED
                    || stage == RequestStage.MATCH_PROPOSED;
        }
    }

    record SupplyFacts(@Id String supporterId, String programmeId, String region, Set<String> areas, boolean approved,
                       boolean paused, int capacity, Set<String> placesHeld, boolean supervisionOverdue) {

        SupplyFacts {
            areas = Set.copyOf(areas);
            // Persistent, as in SupporterListing: a place taken or freed does not copy the set.
            placesHeld = placesHeld instanceof PSet<String> persistent ? persistent : HashTreePSet.from(placesHeld);
        }

        SupplyFacts status(boolean nowApproved, boolean nowPaused) {
            return new SupplyFacts(supporterId, programmeId, region, areas, nowApproved, nowPaused, capacity,
                    placesHeld, supervisionOverdue);
        }

        SupplyFacts place(String matchId, boolean held) {
            PSet<String> places = (PSet<String>) placesHeld;
            places = held ? places.plus(matchId) : places.minus(matchId);
            return new SupplyFacts(supporterId, programmeId, region, areas, approved, paused, capacity, places,
                    supervisionOverdue);
        }

        SupplyFacts supervision(boolean overdue) {
            return new SupplyFacts(supporterId, programmeId, region, areas, approved, paused, capacity, placesHeld,
                    overdue);
        }

        boolean available() {
            return approved && !paused && placesHeld.size() < capacity;
        }
    }

    private static Set<String> add(Set<String> set, String item) {
        Set<String> more = new HashSet<>(set);
        more.add(item);
        return more;
    }
}

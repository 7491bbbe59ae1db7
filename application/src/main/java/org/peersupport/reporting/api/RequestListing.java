package org.peersupport.reporting.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peersupport.kernel.MatchingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.springframework.data.annotation.Id;

/** A request in the coordinator's queue: where it stands and what is to be done next. */
public record RequestListing(
        @Id String requestId,
        String programmeId,
        int ruleVersion,
        MatchingMode matchingMode,
        PersonalData headName,
        PersonalData schoolName,
        RequesterRole role,
        String region,
        Phase phase,
        Set<String> areasOfNeed,
        RequestStage stage,
        LocalDate requestedOn,
        String matchId,
        List<String> profilesShared,
        String supporterId,
        LocalDate proposedOn,
        LocalDate matchedOn,
        Set<String> sessions,
        LocalDate lastSessionOn,
        LocalDate reviewDue,
        LocalDate closedOn,
        Set<String> declinedMatches,
        boolean reviewOverdue,
        int extensions,
        Set<String> endedMatches,
        Set<String> missedTerms) {

    public RequestListing {
        areasOfNeed = Set.copyOf(areasOfNeed);
        profilesShared = List.copyOf(profilesShared);
        sessions = Set.copyOf(sessions);
        declinedMatches = Set.copyOf(declinedMatches);
        endedMatches = Set.copyOf(endedMatches);
        missedTerms = missedTerms == null ? Set.of() : Set.copyOf(missedTerms);
    }

    /** The coordinator's next step, derived from the stage so it can never disagree with it. */
    public String nextAction() {
        return switch (stage) {
            case AWAITING_MATCH -> matchingMode == MatchingMode.HEAD_CHOOSES_FROM_PROFILES
                    ? "Share supporter profiles with the head" : "Propose a supporter";
            case PROFILES_SHARED -> "Record the head's choice of supporter";
            case MATCH_PROPOSED -> "Confirm the supporter will make contact";
            case IN_CYCLE -> reviewOverdue ? "Review the cycle: extend with the head's agreement, or close"
                    : !missedTerms.isEmpty() ? "Check in with the leader: no meeting in " + String.join(", ",
                    new java.util.TreeSet<>(missedTerms))
                    : reviewDue == null ? "Record sessions" : "Record sessions; review due " + reviewDue;
            case CLOSED, WITHDRAWN -> "None";
        };
    }

    public RequestListing profilesShared(String newMatchId, List<String> supporterIds) {
        return with(RequestStage.PROFILES_SHARED, newMatchId, supporterIds, null, null, matchedOn, declinedMatches);
    }

    public RequestListing proposed(String newMatchId, String newSupporterId, LocalDate on) {
        List<String> shortlist = newMatchId.equals(matchId) ? profilesShared : List.of();
        return with(RequestStage.MATCH_PROPOSED, newMatchId, shortlist, newSupporterId, on, matchedOn, declinedMatches);
    }

    public RequestListing accepted(LocalDate on) {
        return with(stage, matchId, profilesShared, supporterId, proposedOn, on, declinedMatches);
    }

    public RequestListing declined(String declinedMatchId) {
        Set<String> declined = new HashSet<>(declinedMatches);
        declined.add(declinedMatchId);
        if (!declinedMatchId.equals(matchId)) {
            return with(stage, matchId, profilesShared, supporterId, proposedOn, matchedOn, declined);
        }
        return with(RequestStage.AWAITING_MATCH, null, List.of(), null, null, null, declined);
    }

    private RequestListing with(RequestStage nextStage, String nextMatch, List<String> shortlist, String supporter,
                                LocalDate proposed, LocalDate matched, Set<String> declined) {
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, nextStage, requestedOn, nextMatch, shortlist, supporter, proposed, matched,
                sessions, lastSessionOn, reviewDue, closedOn, declined, reviewOverdue, extensions, endedMatches, missedTerms);
    }

    public RequestListing reviewFellDue() {
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, stage, requestedOn, matchId, profilesShared, supporterId, proposedOn, matchedOn,
                sessions, lastSessionOn, reviewDue, closedOn, declinedMatches, true, extensions, endedMatches, missedTerms);
    }

    public RequestListing extended(LocalDate nextReview) {
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, stage, requestedOn, matchId, profilesShared, supporterId, proposedOn, matchedOn,
                sessions, lastSessionOn, nextReview, closedOn, declinedMatches, false, extensions + 1, endedMatches, missedTerms);
    }

    /** The match ended without blame (seed 002): back to the queue for a re-match. */
    public RequestListing matchEnded(String endedMatchId) {
        Set<String> ended = new HashSet<>(endedMatches);
        ended.add(endedMatchId);
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, RequestStage.AWAITING_MATCH, requestedOn, null, List.of(), null, null, null,
                sessions, lastSessionOn, null, closedOn, declinedMatches, false, extensions, ended, missedTerms);
    }

    /** Seed 002: a term passed without the cadence's meetings; cleared by the next session. */
    public RequestListing missedTerm(String term) {
        Set<String> missed = new HashSet<>(missedTerms);
        missed.add(term);
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, stage, requestedOn, matchId, profilesShared, supporterId, proposedOn, matchedOn,
                sessions, lastSessionOn, reviewDue, closedOn, declinedMatches, reviewOverdue, extensions, endedMatches,
                missed);
    }

    public RequestListing cycleStarted(LocalDate due) {
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, RequestStage.IN_CYCLE, requestedOn, matchId, profilesShared, supporterId,
                proposedOn, matchedOn, sessions, lastSessionOn, due, closedOn, declinedMatches, reviewOverdue, extensions, endedMatches, missedTerms);
    }

    public RequestListing sessionHeld(String sessionId, LocalDate on) {
        Set<String> held = new HashSet<>(sessions);
        held.add(sessionId);
        LocalDate last = lastSessionOn == null || on.isAfter(lastSessionOn) ? on : lastSessionOn;
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, stage, requestedOn, matchId, profilesShared, supporterId, proposedOn, matchedOn,
                held, last, reviewDue, closedOn, declinedMatches, reviewOverdue, extensions, endedMatches, Set.of());
    }

    public RequestListing ended(RequestStage finalStage, LocalDate on) {
        return new RequestListing(requestId, programmeId, ruleVersion, matchingMode, headName, schoolName, role, region,
                phase, areasOfNeed, finalStage, requestedOn, matchId, profilesShared, supporterId, proposedOn,
                matchedOn, sessions, lastSessionOn, reviewDue, on, declinedMatches, reviewOverdue, extensions, endedMatches, missedTerms);
    }
}

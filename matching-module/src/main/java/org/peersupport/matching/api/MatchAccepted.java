package org.peersupport.matching.api;

import java.time.LocalDate;

/** The match is agreed and the supporter agreed to make contact. */
public record MatchAccepted(String matchId, String requestId, String programmeId, String supporterId, LocalDate acceptedOn) {
}

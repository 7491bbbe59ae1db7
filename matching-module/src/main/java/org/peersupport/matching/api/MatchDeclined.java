package org.peersupport.matching.api;

import java.time.LocalDate;

public record MatchDeclined(String matchId, String requestId, String supporterId, DeclinedBy declinedBy, LocalDate declinedOn) {
}

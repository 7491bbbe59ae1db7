package org.peersupport.request.api;

import java.time.LocalDate;

/** The cycle ended. Carries what reacting modules need: whose place to release, whether feedback is expected. */
public record CycleClosed(String requestId, String programmeId, String matchId, String supporterId, String headSubject, LocalDate closedOn, int sessionsHeld, boolean feedbackExpected) {
}

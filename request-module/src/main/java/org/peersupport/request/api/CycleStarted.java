package org.peersupport.request.api;

import java.time.LocalDate;

/** The cycle began; {@code reviewDue} is when its months cap runs out (null when the programme sets none). */
public record CycleStarted(String requestId, String matchId, String supporterId, LocalDate startedOn, LocalDate reviewDue) {
}

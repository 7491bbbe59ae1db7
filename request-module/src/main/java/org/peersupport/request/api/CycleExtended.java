package org.peersupport.request.api;

import java.time.LocalDate;

/** A longer cycle: the next review point and, where meetings are capped, the new allowance. */
public record CycleExtended(String requestId, LocalDate reviewDue, Integer meetingAllowance, LocalDate extendedOn) {
}

package org.peersupport.request.api;

import java.time.LocalDate;

/** The cycle reached its months cap (its review point) without a review: the coordinator must review it. */
public record CycleReviewDue(String requestId, LocalDate reviewDue) {
}

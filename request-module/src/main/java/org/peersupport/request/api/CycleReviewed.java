package org.peersupport.request.api;

import java.time.LocalDate;

public record CycleReviewed(String requestId, ReviewDecision decision, LocalDate reviewedOn) {
}

package org.peersupport.feedback.api;

import java.time.LocalDate;

/** After a cycle closes, where the programme expects it (seed 000), the head is asked for feedback. */
public record RequestFeedback(String feedbackId, String requestId, String programmeId, String supporterId, String headSubject, LocalDate requestedOn) {
}

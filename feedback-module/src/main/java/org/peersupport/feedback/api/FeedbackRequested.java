package org.peersupport.feedback.api;

import java.time.LocalDate;

public record FeedbackRequested(String feedbackId, String requestId, String programmeId, String supporterId, String headSubject, LocalDate requestedOn,
                                Integer remindEveryDays) {
}

package org.peersupport.feedback.api;

import java.time.LocalDate;

public record FeedbackSharedWithSupporter(String feedbackId, String requestId, String supporterId, LocalDate sharedOn) {
}

package org.peersupport.feedback.api;

import java.time.LocalDate;

/** The head has not yet given feedback: the coordinator chases (reminder {@code number} of at most three). */
public record FeedbackReminderDue(String feedbackId, String requestId, int number, LocalDate dueOn) {
}

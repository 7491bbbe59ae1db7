package org.peersupport.feedback.api;

import java.time.LocalDate;
import org.peersupport.kernel.PersonalData;

/** Sealed: the comment is visible to the coordinator only until the head consents to share it. */
public record FeedbackGiven(String feedbackId, String requestId, String programmeId, int rating, PersonalData comment, LocalDate givenOn) {
}

package org.peersupport.reporting.api;

import java.time.LocalDate;
import org.peersupport.kernel.PersonalData;
import org.springframework.data.annotation.Id;

/** A feedback request and, once given, the sealed answer. */
public record FeedbackListing(@Id String feedbackId, String requestId, String programmeId, String supporterId,
                              LocalDate requestedOn, Integer rating, PersonalData comment, LocalDate givenOn,
                              boolean sharedWithSupporter, LocalDate sharedOn, int remindersDue) {

    public FeedbackListing given(int newRating, PersonalData newComment, LocalDate on) {
        return new FeedbackListing(feedbackId, requestId, programmeId, supporterId, requestedOn, newRating, newComment,
                on, sharedWithSupporter, sharedOn, remindersDue);
    }

    public FeedbackListing shared(LocalDate on) {
        return new FeedbackListing(feedbackId, requestId, programmeId, supporterId, requestedOn, rating, comment,
                givenOn, true, on, remindersDue);
    }

    /** The coordinator's chase list: reminders fallen due while no feedback has come. */
    public FeedbackListing reminded(int number) {
        return new FeedbackListing(feedbackId, requestId, programmeId, supporterId, requestedOn, rating, comment,
                givenOn, sharedWithSupporter, sharedOn, Math.max(remindersDue, number));
    }
}

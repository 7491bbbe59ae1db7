package org.peersupport.feedback.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.PersonalData;

/** The head's feedback: a rating of 1-5 and a sealed comment, shared with the supporter only with consent. */
public record GiveFeedback(@TargetAggregateIdentifier String feedbackId, int rating, PersonalData comment, LocalDate givenOn) {
}

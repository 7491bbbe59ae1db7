package org.peersupport.feedback.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The head agreed that the supporter may see their feedback. */
public record ConsentToShareFeedback(@TargetAggregateIdentifier String feedbackId, LocalDate consentedOn) {
}

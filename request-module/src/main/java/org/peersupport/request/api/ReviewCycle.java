package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The review: close, or extend by {@code extraMonths} (and, where meetings are capped,
 * {@code extraMeetings}) — an extension only with the head's recorded agreement.
 */
public record ReviewCycle(@TargetAggregateIdentifier String requestId, ReviewDecision decision, Integer extraMonths,
                          Integer extraMeetings, boolean agreedWithHead, LocalDate reviewedOn) {
}

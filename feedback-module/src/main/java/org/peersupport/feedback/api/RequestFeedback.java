package org.peersupport.feedback.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * After a cycle closes, where the programme expects it (seed 000), the head is asked for feedback;
 * while none is given they are reminded every {@code remindEveryDays} days (null: no reminders).
 */
public record RequestFeedback(@TargetAggregateIdentifier String feedbackId, String requestId, String programmeId, String supporterId, String headSubject, LocalDate requestedOn,
                              Integer remindEveryDays) {
}

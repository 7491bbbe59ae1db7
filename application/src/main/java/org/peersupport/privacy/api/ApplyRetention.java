package org.peersupport.privacy.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the retention job for a subject whose programme's retention period has ended. */
public record ApplyRetention(@TargetAggregateIdentifier String subject, String programmeId, LocalDate endedOn) {
}

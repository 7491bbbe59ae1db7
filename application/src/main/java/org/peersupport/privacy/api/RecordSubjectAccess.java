package org.peersupport.privacy.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A copy of everything held about the subject was produced for them. */
public record RecordSubjectAccess(@TargetAggregateIdentifier String subject, LocalDate providedOn) {
}

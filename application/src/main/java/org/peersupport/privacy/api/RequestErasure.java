package org.peersupport.privacy.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person asked to be erased; the law gives one month to answer. */
public record RequestErasure(@TargetAggregateIdentifier String subject, LocalDate requestedOn) {
}

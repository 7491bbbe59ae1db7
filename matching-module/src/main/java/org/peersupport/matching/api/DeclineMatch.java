package org.peersupport.matching.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either side says no. No reason is asked for: it reflects on nobody (seed 002). */
public record DeclineMatch(@TargetAggregateIdentifier String matchId, DeclinedBy declinedBy, LocalDate declinedOn) {
}

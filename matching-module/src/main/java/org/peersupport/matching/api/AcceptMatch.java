package org.peersupport.matching.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The match is agreed: the supporter will make contact. */
public record AcceptMatch(@TargetAggregateIdentifier String matchId, LocalDate acceptedOn) {
}

package org.peersupport.matching.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The head picked one of the shared profiles; that supporter is then asked to make contact. */
public record RecordHeadChoice(@TargetAggregateIdentifier String matchId, String supporterId, LocalDate chosenOn) {
}

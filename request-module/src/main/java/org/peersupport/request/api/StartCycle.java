package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when a match is accepted: the supporter will make contact and the cycle begins. */
public record StartCycle(@TargetAggregateIdentifier String requestId, String matchId, String supporterId, LocalDate startedOn) {
}

package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hold one of the supporter's places for a match. Idempotent per match. */
public record ReserveCapacity(@TargetAggregateIdentifier String supporterId, String matchId) {
}

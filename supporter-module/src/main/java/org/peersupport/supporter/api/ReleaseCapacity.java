package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give back the place a match held. Idempotent: releasing twice changes nothing. */
public record ReleaseCapacity(@TargetAggregateIdentifier String supporterId, String matchId) {
}

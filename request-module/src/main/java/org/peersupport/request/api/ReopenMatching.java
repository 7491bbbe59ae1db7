package org.peersupport.request.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The match in progress ended without a cycle (declined): the request awaits another match. */
public record ReopenMatching(@TargetAggregateIdentifier String requestId, String matchId) {
}

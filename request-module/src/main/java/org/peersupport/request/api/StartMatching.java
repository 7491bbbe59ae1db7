package org.peersupport.request.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A match is being sought for the request. A request has at most one match in progress. */
public record StartMatching(@TargetAggregateIdentifier String requestId, String matchId) {
}

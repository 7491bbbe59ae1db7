package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordEligibilityEvidence(@TargetAggregateIdentifier String supporterId, EligibilityEvidence evidence) {
}

package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResumeSupporter(@TargetAggregateIdentifier String supporterId) {
}

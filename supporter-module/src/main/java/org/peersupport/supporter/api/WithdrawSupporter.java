package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supporter leaves the programme. No reason is required and nothing marks them for it. */
public record WithdrawSupporter(@TargetAggregateIdentifier String supporterId) {
}

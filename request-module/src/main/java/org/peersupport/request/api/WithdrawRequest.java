package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The head no longer wants support before a cycle starts. */
public record WithdrawRequest(@TargetAggregateIdentifier String requestId, LocalDate withdrawnOn) {
}

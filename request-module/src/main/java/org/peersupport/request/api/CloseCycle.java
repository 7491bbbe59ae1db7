package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseCycle(@TargetAggregateIdentifier String requestId, LocalDate closedOn) {
}

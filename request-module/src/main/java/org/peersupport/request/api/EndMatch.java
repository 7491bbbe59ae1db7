package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Either side says the relationship is not working (seed 002). Neither who ended it nor why is
 * recorded: it reflects on nobody. The request then awaits another match.
 */
public record EndMatch(@TargetAggregateIdentifier String requestId, LocalDate endedOn) {
}

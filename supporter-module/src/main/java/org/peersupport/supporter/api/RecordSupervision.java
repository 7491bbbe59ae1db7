package org.peersupport.supporter.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervision meeting took place. What was discussed is not recorded. */
public record RecordSupervision(@TargetAggregateIdentifier String supporterId, SupervisionKind kind,
                                LocalDate heldOn) {
}

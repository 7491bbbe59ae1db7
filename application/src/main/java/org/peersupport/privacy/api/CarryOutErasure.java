package org.peersupport.privacy.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CarryOutErasure(@TargetAggregateIdentifier String subject, LocalDate erasedOn) {
}

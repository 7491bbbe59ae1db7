package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reading a concern is itself recorded: who opened it, and when, is part of its history. */
public record OpenConcern(@TargetAggregateIdentifier String concernId, LocalDate openedOn) {
}

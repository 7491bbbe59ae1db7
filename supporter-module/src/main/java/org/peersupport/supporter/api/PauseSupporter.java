package org.peersupport.supporter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supporter steps back for a while. No reason is asked for, and none is recorded (seed 000/002). */
public record PauseSupporter(@TargetAggregateIdentifier String supporterId) {
}

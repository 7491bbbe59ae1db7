package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.MeetingMode;

/** Records that a session took place: when, how long, how. Never what was said. */
public record RecordSession(@TargetAggregateIdentifier String requestId, String sessionId, LocalDate heldOn, int durationMinutes, MeetingMode mode) {
}

package org.peersupport.request.api;

import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;

/**
 * Records that a session took place: when, how long, how. Never what was said. Where the programme
 * sets boundaries the start time is needed; a session outside them is accepted only with the
 * coordinator's recorded {@code exceptionReason}.
 */
public record RecordSession(@TargetAggregateIdentifier String requestId, String sessionId, LocalDate heldOn,
                            LocalTime startTime, int durationMinutes, MeetingMode mode, PersonalData exceptionReason) {

    /** A session with no time given and no exception, for programmes without boundaries. */
    public RecordSession(String requestId, String sessionId, LocalDate heldOn, int durationMinutes, MeetingMode mode) {
        this(requestId, sessionId, heldOn, null, durationMinutes, mode, null);
    }
}

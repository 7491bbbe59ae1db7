package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.MeetingMode;

/** A session took place. {@code countedMeetings} is the tally towards the programme's meeting cap. */
public record SessionHeld(String requestId, String sessionId, String supporterId, LocalDate heldOn, int durationMinutes, MeetingMode mode, int sessionNumber, int countedMeetings) {
}

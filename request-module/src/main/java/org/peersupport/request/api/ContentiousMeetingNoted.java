package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.PersonalData;

/** Recorded only once the leader has been told a note was made. */
public record ContentiousMeetingNoted(String requestId, String sessionId, PersonalData note, LocalDate notedOn) {
}

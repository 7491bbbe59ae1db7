package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.PersonalData;

/**
 * Seed 002: no paperwork, except a note after a contentious meeting — and the leader is told.
 * The note is sealed under the head's key.
 */
public record NoteContentiousMeeting(@TargetAggregateIdentifier String requestId, String sessionId,
                                     PersonalData note, boolean leaderTold, LocalDate notedOn) {
}

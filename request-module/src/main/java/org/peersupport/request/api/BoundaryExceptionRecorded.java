package org.peersupport.request.api;

import org.peersupport.kernel.PersonalData;

/** A session outside the programme's boundaries, accepted on the coordinator's recorded reason. */
public record BoundaryExceptionRecorded(String requestId, String sessionId, String rule, PersonalData reason) {
}

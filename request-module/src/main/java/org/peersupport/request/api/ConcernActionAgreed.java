package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.PersonalData;

public record ConcernActionAgreed(String concernId, String requestId, String programmeId, PersonalData action,
                                  LocalDate agreedOn) {
}

package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.ConcernKind;
import org.peersupport.kernel.PersonalData;

/** Visible to the named contact (SAFEGUARDING_LEAD) only; elsewhere it is at most counted. */
public record ConcernRaised(String concernId, String requestId, String programmeId, ConcernKind kind,
                            PersonalData account, LocalDate raisedOn) {
}

package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.ConcernKind;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.RuleBook;

/**
 * The named contact records a concern a supporter reported from within a cycle. The account is
 * sealed under the concern's own subject ({@code concern:<id>}), not the head's: it may be about
 * others, and it is kept or erased on its own terms.
 */
public record RaiseConcern(String concernId, String requestId, RuleBook ruleBook, ConcernKind kind,
                           PersonalData account, LocalDate raisedOn) {
}

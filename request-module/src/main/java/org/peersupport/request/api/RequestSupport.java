package org.peersupport.request.api;

import java.time.LocalDate;
import java.util.Set;
import org.peersupport.kernel.RuleBook;

/** A head asks for a cycle of support in some areas of need, under the programme's current rules. */
public record RequestSupport(String requestId, RuleBook ruleBook, Requester requester, Set<String> areasOfNeed, LocalDate requestedOn) {
}

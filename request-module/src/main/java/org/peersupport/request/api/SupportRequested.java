package org.peersupport.request.api;

import java.time.LocalDate;
import java.util.Set;
import org.peersupport.kernel.RuleBook;

/** A head asked for support. The rule book travels with the request: the cycle keeps the rules it started under. */
public record SupportRequested(String requestId, RuleBook ruleBook, Requester requester, Set<String> areasOfNeed, LocalDate requestedOn) {
}

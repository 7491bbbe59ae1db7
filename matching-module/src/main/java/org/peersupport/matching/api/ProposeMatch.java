package org.peersupport.matching.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleBook;

/** Seeds 001 and 002: the coordinator proposes (or pairs) one supporter. */
public record ProposeMatch(String matchId, String requestId, RuleBook ruleBook, String supporterId, LocalDate proposedOn) {
}

package org.peersupport.lifecycle.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleBook;

/** Seeds 001 and 002: open a match for the request and put this supporter forward, holding their place. */
public record ProposeSupporter(String matchId, String requestId, RuleBook ruleBook, String supporterId,
                               LocalDate proposedOn) {
}

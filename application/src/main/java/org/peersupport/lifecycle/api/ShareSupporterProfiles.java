package org.peersupport.lifecycle.api;

import java.time.LocalDate;
import java.util.List;
import org.peersupport.kernel.RuleBook;

/** Seed 000: open a match for the request and send the head these supporters' profiles. */
public record ShareSupporterProfiles(String matchId, String requestId, RuleBook ruleBook, List<String> supporterIds,
                                     LocalDate sharedOn) {
}

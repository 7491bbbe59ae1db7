package org.peersupport.matching.api;

import java.time.LocalDate;
import java.util.List;
import org.peersupport.kernel.RuleBook;

/** Seed 000: the head is sent the profiles of available supporters to choose from. */
public record ShareProfiles(String matchId, String requestId, RuleBook ruleBook, List<String> supporterIds, LocalDate sharedOn) {
}

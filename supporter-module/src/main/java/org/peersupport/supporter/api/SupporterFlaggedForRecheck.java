package org.peersupport.supporter.api;

import java.time.LocalDate;
import org.peersupport.kernel.EligibilityCriterion;

/**
 * Evidence for a criterion went stale (training past refresher) or changed (an inspection judged
 * below good): the coordinator re-checks. Nothing else changes: the supporter stays approved.
 */
public record SupporterFlaggedForRecheck(String supporterId, EligibilityCriterion criterion, LocalDate flaggedOn) {
}

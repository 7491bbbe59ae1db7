package org.peersupport.supporter.api;

import org.peersupport.kernel.EligibilityCriterion;

/** Fresh evidence satisfies the criterion again. */
public record RecheckCleared(String supporterId, EligibilityCriterion criterion) {
}

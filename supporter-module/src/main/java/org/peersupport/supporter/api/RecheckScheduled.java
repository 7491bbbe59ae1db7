package org.peersupport.supporter.api;

import java.time.LocalDate;
import org.peersupport.kernel.EligibilityCriterion;

/** Evidence that goes stale (training past its refresher date) is due to be checked again on {@code dueOn}. */
public record RecheckScheduled(String supporterId, EligibilityCriterion criterion, LocalDate dueOn,
                               int validForMonths) {
}

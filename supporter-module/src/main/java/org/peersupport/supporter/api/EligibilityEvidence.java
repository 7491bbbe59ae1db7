package org.peersupport.supporter.api;

import java.time.LocalDate;
import java.util.Set;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.InspectionJudgement;

/**
 * Evidence for one eligibility criterion. Which components matter depends on the criterion:
 * years for YEARS_AS_HEAD; judgement and its date for INSPECTION_JUDGEMENT; completion date for
 * TRAINING_COMPLETED; areas and the date last handled for AREAS_HANDLED; {@code confirmed} for
 * LOCAL_KNOWLEDGE and COACHING_RECORD (a coordinator's check, not free text about the person).
 */
public record EligibilityEvidence(
        EligibilityCriterion criterion,
        Integer yearsAsHead,
        InspectionJudgement judgement,
        LocalDate date,
        Set<String> areasHandled,
        boolean confirmed) {

    public EligibilityEvidence {
        areasHandled = areasHandled == null ? Set.of() : Set.copyOf(areasHandled);
    }
}

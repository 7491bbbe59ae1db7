package org.peersupport.supporter;

import java.time.LocalDate;
import java.util.Optional;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.supporter.api.EligibilityEvidence;

/** Judges one piece of evidence against the programme's thresholds, as at a date. */
final class Eligibility {

    private Eligibility() {
    }

    /** Empty when the evidence satisfies its criterion; otherwise why not, with no personal detail. */
    static Optional<String> shortfall(EligibilityEvidence evidence, ProgrammeRules rules, LocalDate asOf) {
        return switch (evidence.criterion()) {
            case YEARS_AS_HEAD -> evidence.yearsAsHead() != null && evidence.yearsAsHead() >= rules.minYearsAsHead()
                    ? Optional.empty()
                    : Optional.of("needs " + rules.minYearsAsHead() + "+ years as a headteacher");
            case INSPECTION_JUDGEMENT -> evidence.judgement() != null && evidence.judgement().isGoodOrBetter()
                    && evidence.date() != null
                    ? Optional.empty()
                    : Optional.of("the last inspection must be judged good or better, with its date");
            case LOCAL_KNOWLEDGE, COACHING_RECORD -> evidence.confirmed()
                    ? Optional.empty()
                    : Optional.of("not confirmed by the coordinator");
            case TRAINING_COMPLETED -> trainingShortfall(evidence, rules, asOf);
            case AREAS_HANDLED -> evidence.areasHandled().isEmpty() || evidence.date() == null
                    || evidence.date().isBefore(asOf.minusYears(rules.areasHandledWithinYears()))
                    ? Optional.of("needs areas handled within the last " + rules.areasHandledWithinYears() + " years")
                    : Optional.empty();
        };
    }

    private static Optional<String> trainingShortfall(EligibilityEvidence evidence, ProgrammeRules rules,
                                                      LocalDate asOf) {
        if (evidence.date() == null) {
            return Optional.of("training completion date missing");
        }
        if (rules.trainingValidForMonths() != null
                && evidence.date().plusMonths(rules.trainingValidForMonths()).isBefore(asOf)) {
            return Optional.of("training is past its refresher date");
        }
        return Optional.empty();
    }
}

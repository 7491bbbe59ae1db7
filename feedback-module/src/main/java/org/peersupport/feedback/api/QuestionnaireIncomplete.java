package org.peersupport.feedback.api;

import org.peersupport.kernel.RuleViolation;

/** Every one of the programme's questions is scored 1-5, and nothing else is asked. */
public class QuestionnaireIncomplete extends RuleViolation {
    public QuestionnaireIncomplete(String why) {
        super("The questionnaire " + why);
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

package org.peersupport.feedback.api;

import java.time.LocalDate;
import java.util.Map;
import org.peersupport.kernel.RuleBook;

/** One completed questionnaire: a score of 1-5 for each of the programme's impact questions. */
public record RecordQuestionnaire(String responseId, RuleBook ruleBook, QuestionnaireKind kind,
                                  Map<String, Integer> scores, LocalDate completedOn) {
}

package org.peersupport.feedback.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * Anonymous by design: no request, head or supporter is recorded with it, so it can only ever be
 * reported as part of an aggregate.
 */
public record QuestionnaireCompleted(String responseId, String programmeId, QuestionnaireKind kind,
                                     Map<String, Integer> scores, LocalDate completedOn) {
}

package org.peersupport.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.feedback.api.QuestionnaireCompleted;
import org.peersupport.feedback.api.QuestionnaireIncomplete;
import org.peersupport.feedback.api.RecordQuestionnaire;

/** A baseline or evaluation questionnaire for a programme's impact monitoring. */
@Aggregate(cache = Aggregates.QUESTIONNAIRE_RESPONSE_CACHE)
class QuestionnaireResponse {

    @AggregateIdentifier
    private String responseId;

    QuestionnaireResponse() {
        // for Axon
    }

    @CommandHandler
    QuestionnaireResponse(RecordQuestionnaire command) {
        Set<String> asked = Set.copyOf(command.ruleBook().rules().impactQuestions());
        if (asked.isEmpty()) {
            throw new QuestionnaireIncomplete("is not part of this programme, which monitors no impact");
        }
        Map<String, Integer> scores = command.scores();
        if (!scores.keySet().equals(asked)) {
            throw new QuestionnaireIncomplete("must score exactly these questions: " + String.join(", ",
                    command.ruleBook().rules().impactQuestions()));
        }
        if (scores.values().stream().anyMatch(score -> score == null || score < 1 || score > 5)) {
            throw new QuestionnaireIncomplete("scores run from 1 to 5");
        }
        apply(new QuestionnaireCompleted(command.responseId(), command.ruleBook().programmeId(), command.kind(),
                Map.copyOf(scores), command.completedOn()));
    }

    @EventSourcingHandler
    void on(QuestionnaireCompleted event) {
        responseId = event.responseId();
    }
}

package org.peersupport.feedback;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.feedback.api.QuestionnaireCompleted;
import org.peersupport.feedback.api.QuestionnaireIncomplete;
import org.peersupport.feedback.api.QuestionnaireKind;
import org.peersupport.feedback.api.RecordQuestionnaire;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.kernel.RuleBook;

class QuestionnaireResponseTest {

    static final RuleBook LA = ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000");
    static final RuleBook HEADSTRONG = ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001");
    static final LocalDate ON = LocalDate.of(2026, 9, 7);
    static final Map<String, Integer> FULL = Map.of("coping", 2, "someone-to-talk-to", 1, "confidence", 3,
            "manageable-workload", 2);

    FixtureConfiguration<QuestionnaireResponse> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QuestionnaireResponse.class);
    }

    @Test
    void aBaselineScoringEveryQuestionIsRecordedAnonymously() {
        fixture.givenNoPriorActivity()
                .when(new RecordQuestionnaire("q-1", LA, QuestionnaireKind.BASELINE, FULL, ON))
                .expectEvents(new QuestionnaireCompleted("q-1", "p-000", QuestionnaireKind.BASELINE, FULL, ON));
    }

    @Test
    void aMissingUnknownOrOutOfRangeScoreIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordQuestionnaire("q-1", LA, QuestionnaireKind.BASELINE, Map.of("coping", 2), ON))
                .expectException(QuestionnaireIncomplete.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordQuestionnaire("q-1", LA, QuestionnaireKind.EVALUATION, Map.of("coping", 2,
                        "someone-to-talk-to", 1, "confidence", 3, "manageable-workload", 6), ON))
                .expectException(QuestionnaireIncomplete.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordQuestionnaire("q-1", LA, QuestionnaireKind.EVALUATION, Map.of("coping", 2,
                        "someone-to-talk-to", 1, "confidence", 3, "shoe-size", 4), ON))
                .expectException(QuestionnaireIncomplete.class).expectNoEvents();
    }

    @Test
    void aProgrammeWithoutImpactMonitoringTakesNoQuestionnaire() {
        fixture.givenNoPriorActivity()
                .when(new RecordQuestionnaire("q-1", HEADSTRONG, QuestionnaireKind.BASELINE, FULL, ON))
                .expectException(QuestionnaireIncomplete.class).expectNoEvents();
    }
}

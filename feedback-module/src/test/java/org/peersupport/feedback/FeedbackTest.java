package org.peersupport.feedback;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.feedback.api.ConsentToShareFeedback;
import org.peersupport.feedback.api.FeedbackAlreadyGiven;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.FeedbackNotGiven;
import org.peersupport.feedback.api.FeedbackRequested;
import org.peersupport.feedback.api.FeedbackSharedWithSupporter;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.feedback.api.RatingOutOfRange;
import org.peersupport.feedback.api.RequestFeedback;
import org.peersupport.kernel.PersonalData;

class FeedbackTest {

    private static final String FEEDBACK = "feedback-request-1";
    private static final String REQUEST = "request-1";
    private static final String PROGRAMME = "p-000";
    private static final String SUPPORTER = "supporter-1";
    private static final String HEAD = "head-1";
    private static final LocalDate REQUESTED_ON = LocalDate.of(2025, 6, 1);
    private static final LocalDate GIVEN_ON = LocalDate.of(2025, 6, 10);
    private static final LocalDate CONSENTED_ON = LocalDate.of(2025, 6, 12);
    private static final PersonalData COMMENT = PersonalData.of(HEAD, "Listened well and helped me plan the budget");

    private FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
    }

    private static FeedbackRequested requested() {
        return new FeedbackRequested(FEEDBACK, REQUEST, PROGRAMME, SUPPORTER, HEAD, REQUESTED_ON, 14);
    }

    private static FeedbackGiven given(int rating) {
        return new FeedbackGiven(FEEDBACK, REQUEST, PROGRAMME, rating, COMMENT, GIVEN_ON);
    }

    @Test
    void theHeadIsAskedForFeedback() {
        fixture.givenNoPriorActivity()
                .when(new RequestFeedback(FEEDBACK, REQUEST, PROGRAMME, SUPPORTER, HEAD, REQUESTED_ON, 14))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void theHeadGivesARatingAndASealedComment() {
        fixture.given(requested())
                .when(new GiveFeedback(FEEDBACK, 4, COMMENT, GIVEN_ON))
                .expectEvents(given(4));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void ratingsRunFromOneToFive(int rating) {
        fixture.given(requested())
                .when(new GiveFeedback(FEEDBACK, rating, COMMENT, GIVEN_ON))
                .expectEvents(given(rating));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void aRatingOutsideOneToFiveIsRefused(int rating) {
        fixture.given(requested())
                .when(new GiveFeedback(FEEDBACK, rating, COMMENT, GIVEN_ON))
                .expectException(RatingOutOfRange.class)
                .expectNoEvents();
    }

    @Test
    void feedbackIsGivenOnce() {
        fixture.given(requested(), given(4))
                .when(new GiveFeedback(FEEDBACK, 2, COMMENT, GIVEN_ON.plusDays(1)))
                .expectException(FeedbackAlreadyGiven.class)
                .expectNoEvents();
    }

    @Test
    void consentToShareNeedsFeedbackToShare() {
        fixture.given(requested())
                .when(new ConsentToShareFeedback(FEEDBACK, CONSENTED_ON))
                .expectException(FeedbackNotGiven.class)
                .expectNoEvents();
    }

    @Test
    void theHeadsConsentSharesTheFeedbackWithTheSupporter() {
        fixture.given(requested(), given(4))
                .when(new ConsentToShareFeedback(FEEDBACK, CONSENTED_ON))
                .expectEvents(new FeedbackSharedWithSupporter(FEEDBACK, REQUEST, SUPPORTER, CONSENTED_ON));
    }

    @Test
    void consentingTwiceSharesOnce() {
        fixture.given(requested(), given(4),
                        new FeedbackSharedWithSupporter(FEEDBACK, REQUEST, SUPPORTER, CONSENTED_ON))
                .when(new ConsentToShareFeedback(FEEDBACK, CONSENTED_ON.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}

package org.peersupport.feedback;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.feedback.api.FeedbackReminderDue;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.feedback.api.RequestFeedback;
import org.peersupport.kernel.PersonalData;

/** Seed 000: the authority contacts the head for feedback; while none comes, it is chased. */
class FeedbackReminderTest {

    static final LocalDate ASKED = LocalDate.of(2026, 7, 1);
    static final ZoneId ZONE = ZoneId.systemDefault();

    FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
    }

    private RequestFeedback ask(Integer days) {
        return new RequestFeedback("f-1", "r-1", "p-000", "s-1", "head:h-1", ASKED, days);
    }

    @Test
    void aReminderFallsDueAfterTheProgrammesInterval() {
        fixture.givenCurrentTime(ASKED.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(ask(14))
                .whenTimeElapses(Duration.ofDays(15))
                .expectEvents(new FeedbackReminderDue("f-1", "r-1", 1, ASKED.plusDays(14)));
    }

    @Test
    void remindersStopAfterThree() {
        fixture.givenCurrentTime(ASKED.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(ask(14))
                .whenTimeElapses(Duration.ofDays(100))
                .expectEvents(new FeedbackReminderDue("f-1", "r-1", 1, ASKED.plusDays(14)),
                        new FeedbackReminderDue("f-1", "r-1", 2, ASKED.plusDays(28)),
                        new FeedbackReminderDue("f-1", "r-1", 3, ASKED.plusDays(42)));
    }

    @Test
    void givingFeedbackStopsTheReminders() {
        fixture.givenCurrentTime(ASKED.atTime(9, 0).atZone(ZONE).toInstant())
                .andGivenCommands(ask(14), new GiveFeedback("f-1", 4, PersonalData.of("head:h-1", "Invented"),
                        ASKED.plusDays(3)))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents();
    }

    @Test
    void askingAgainForFeedbackAlreadyRequestedChangesNothing() {
        fixture.given(new org.peersupport.feedback.api.FeedbackRequested("f-1", "r-1", "p-000", "s-1", "head:h-1",
                        ASKED, 14))
                .when(ask(14))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aProgrammeWithoutRemindersSchedulesNone() {
        fixture.givenNoPriorActivity()
                .when(ask(null))
                .expectNoScheduledDeadlines();
    }
}

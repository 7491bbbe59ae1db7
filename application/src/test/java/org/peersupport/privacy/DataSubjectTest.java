package org.peersupport.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.privacy.api.ApplyRetention;
import org.peersupport.privacy.api.CarryOutErasure;
import org.peersupport.privacy.api.ErasureReason;
import org.peersupport.privacy.api.ErasureRequested;
import org.peersupport.privacy.api.RecordSubjectAccess;
import org.peersupport.privacy.api.RequestErasure;
import org.peersupport.privacy.api.RetentionPeriodEnded;
import org.peersupport.privacy.api.SubjectAccessProvided;
import org.peersupport.privacy.api.SubjectAlreadyErased;
import org.peersupport.privacy.api.SubjectErased;

class DataSubjectTest {

    static final String HEAD = "head:invented-1";
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final LocalDate ASKED = LocalDate.of(2026, 9, 7);
    static final Instant NOW = ASKED.atTime(10, 0).atZone(ZONE).toInstant();

    FixtureConfiguration<DataSubject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
    }

    @Test
    void anErasureRequestIsRecordedWithAOneMonthDeadline() {
        fixture.givenCurrentTime(NOW)
                .when(new RequestErasure(HEAD, ASKED))
                .expectEvents(new ErasureRequested(HEAD, ASKED, ASKED.plusMonths(1)))
                .expectScheduledDeadlineWithName(ASKED.plusMonths(1).atStartOfDay(ZONE).toInstant(),
                        DataSubject.ERASURE_DUE);
    }

    @Test
    void whenTheMonthRunsOutTheSubjectIsErasedByTheDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RequestErasure(HEAD, ASKED))
                .whenTimeElapses(Duration.ofDays(31))
                .expectEvents(new SubjectErased(HEAD, ASKED.plusMonths(1), ErasureReason.DEADLINE));
    }

    @Test
    void beforeTheMonthRunsOutNothingHappensByItself() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RequestErasure(HEAD, ASKED))
                .whenTimeElapses(Duration.ofDays(20))
                .expectNoEvents();
    }

    @Test
    void carryingOutTheErasureEndsTheDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RequestErasure(HEAD, ASKED))
                .when(new CarryOutErasure(HEAD, ASKED.plusDays(3)))
                .expectEvents(new SubjectErased(HEAD, ASKED.plusDays(3), ErasureReason.REQUESTED))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSubjectIsErasedOnce() {
        fixture.given(new SubjectErased(HEAD, ASKED, ErasureReason.REQUESTED))
                .when(new CarryOutErasure(HEAD, ASKED.plusDays(1)))
                .expectException(SubjectAlreadyErased.class)
                .expectNoEvents();
        fixture.given(new SubjectErased(HEAD, ASKED, ErasureReason.REQUESTED))
                .when(new RequestErasure(HEAD, ASKED.plusDays(1)))
                .expectException(SubjectAlreadyErased.class)
                .expectNoEvents();
    }

    @Test
    void aSecondErasureRequestChangesNothing() {
        fixture.given(new ErasureRequested(HEAD, ASKED, ASKED.plusMonths(1)))
                .when(new RequestErasure(HEAD, ASKED.plusDays(2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theEndOfTheRetentionPeriodErasesTheSubjectWithItsOwnEvent() {
        fixture.givenNoPriorActivity()
                .when(new ApplyRetention(HEAD, "county-heads", ASKED))
                .expectEvents(new RetentionPeriodEnded(HEAD, "county-heads", ASKED),
                        new SubjectErased(HEAD, ASKED, ErasureReason.RETENTION));
        fixture.given(new SubjectErased(HEAD, ASKED, ErasureReason.REQUESTED))
                .when(new ApplyRetention(HEAD, "county-heads", ASKED.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void eachSubjectAccessIsRecorded() {
        fixture.given(new SubjectErased(HEAD, ASKED, ErasureReason.REQUESTED))
                .when(new RecordSubjectAccess(HEAD, ASKED.plusDays(1)))
                .expectEvents(new SubjectAccessProvided(HEAD, ASKED.plusDays(1)));
    }
}

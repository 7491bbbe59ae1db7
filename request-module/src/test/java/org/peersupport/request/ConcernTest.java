package org.peersupport.request;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.ConcernKind;
import org.peersupport.kernel.PersonalData;
import org.peersupport.request.api.AgreeConcernAction;
import org.peersupport.request.api.ConcernActionAgreed;
import org.peersupport.request.api.ConcernActionAlreadyAgreed;
import org.peersupport.request.api.ConcernKindNotHandled;
import org.peersupport.request.api.ConcernOpened;
import org.peersupport.request.api.ConcernRaised;
import org.peersupport.request.api.OpenConcern;
import org.peersupport.request.api.RaiseConcern;

class ConcernTest {

    static final String ID = "concern-1";
    static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    static final PersonalData ACCOUNT = PersonalData.of("concern:" + ID, "Invented account");

    FixtureConfiguration<Concern> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Concern.class);
    }

    private static ConcernRaised raised(ConcernKind kind) {
        return new ConcernRaised(ID, "request-1", "p-000", kind, ACCOUNT, DAY);
    }

    @Test
    void aSafeguardingConcernIsRaisedUnderSeed000() {
        fixture.givenNoPriorActivity()
                .when(new RaiseConcern(ID, "request-1", Rules.book000(), ConcernKind.SAFEGUARDING, ACCOUNT, DAY))
                .expectEvents(raised(ConcernKind.SAFEGUARDING));
    }

    @Test
    void aConcernKindTheProgrammeDoesNotHandleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RaiseConcern(ID, "request-1", Rules.book000(), ConcernKind.LEADER_WELLBEING, ACCOUNT, DAY))
                .expectException(ConcernKindNotHandled.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RaiseConcern(ID, "request-1", Rules.book002(), ConcernKind.WHISTLEBLOWING, ACCOUNT, DAY))
                .expectException(ConcernKindNotHandled.class)
                .expectNoEvents();
    }

    @Test
    void seed002TakesConcernsForTheLeadersOwnWellbeing() {
        fixture.givenNoPriorActivity()
                .when(new RaiseConcern(ID, "request-1", Rules.book002(), ConcernKind.LEADER_WELLBEING, ACCOUNT, DAY))
                .expectEvents(new ConcernRaised(ID, "request-1", "p-002", ConcernKind.LEADER_WELLBEING, ACCOUNT, DAY));
    }

    @Test
    void everyOpeningIsAnEvent() {
        fixture.given(raised(ConcernKind.SAFEGUARDING), new ConcernOpened(ID, DAY))
                .when(new OpenConcern(ID, DAY.plusDays(1)))
                .expectEvents(new ConcernOpened(ID, DAY.plusDays(1)));
    }

    @Test
    void theAgreedActionIsRecordedOnce() {
        PersonalData action = PersonalData.of("concern:" + ID, "Invented action");
        fixture.given(raised(ConcernKind.WHISTLEBLOWING))
                .when(new AgreeConcernAction(ID, action, DAY.plusDays(2)))
                .expectEvents(new ConcernActionAgreed(ID, "request-1", "p-000", action, DAY.plusDays(2)));
        fixture.given(raised(ConcernKind.WHISTLEBLOWING), new ConcernActionAgreed(ID, "request-1", "p-000", action,
                        DAY.plusDays(2)))
                .when(new AgreeConcernAction(ID, action, DAY.plusDays(3)))
                .expectException(ConcernActionAlreadyAgreed.class)
                .expectNoEvents();
    }
}

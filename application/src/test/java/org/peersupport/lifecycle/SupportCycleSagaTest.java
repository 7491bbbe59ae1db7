package org.peersupport.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.feedback.api.RequestFeedback;
import org.peersupport.matching.api.DeclinedBy;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchExpired;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.programme.RuleBooks;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.StartCycle;
import org.peersupport.supporter.api.ReleaseCapacity;

/**
 * The saga's {@code @Autowired transient CommandGateway} is filled by the fixture's resource
 * injector, which honours {@code @Autowired} and registers a gateway on its recording command bus
 * by default; {@code expectDispatchedCommands} checks what reached that bus.
 */
class SupportCycleSagaTest {

    private static final String MATCH = "match-1";
    private static final String REQUEST = "request-1";
    private static final String SUPPORTER = "supporter-1";
    private static final String HEAD = "head-1";
    private static final String PROGRAMME = "p-000";
    private static final LocalDate PROPOSED_ON = LocalDate.of(2025, 3, 1);
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2025, 3, 5);
    private static final LocalDate CLOSED_ON = LocalDate.of(2025, 7, 1);

    private SagaTestFixture<SupportCycleSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SupportCycleSaga.class);
        fixture.registerResource(new RuleBooks(programmeStore()));
    }

    /** A real (in-memory) event store holding the programme's definition, for the saga's rule lookups. */
    private static EventStore programmeStore() {
        EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(new GenericDomainEventMessage<>("Programme", PROGRAMME, 0, new ProgrammeDefined(PROGRAMME,
                "Invented programme", 1, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), CLOSED_ON)));
        return store;
    }

    private static MatchProposed proposed() {
        return new MatchProposed(MATCH, REQUEST, PROGRAMME, SUPPORTER, PROPOSED_ON);
    }

    private static MatchAccepted accepted() {
        return new MatchAccepted(MATCH, REQUEST, PROGRAMME, SUPPORTER, ACCEPTED_ON);
    }

    private static CycleClosed closed(String matchId, boolean feedbackExpected) {
        return new CycleClosed(REQUEST, PROGRAMME, matchId, SUPPORTER, HEAD, CLOSED_ON, 4, feedbackExpected);
    }

    @Test
    void aProposedMatchStartsTheSagaWithoutSendingAnything() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(proposed())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectAssociationWith("matchId", MATCH)
                .expectAssociationWith("requestId", REQUEST)
                .expectNoDispatchedCommands();
    }

    @Test
    void anAcceptedMatchStartsTheRequestsCycle() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(accepted())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectDispatchedCommands(new StartCycle(REQUEST, MATCH, SUPPORTER, ACCEPTED_ON));
    }

    @Test
    void aDeclinedMatchGivesTheSupportersPlaceBackAndEndsTheSaga() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(new MatchDeclined(MATCH, REQUEST, SUPPORTER, DeclinedBy.HEAD, ACCEPTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseCapacity(SUPPORTER, MATCH), new ReopenMatching(REQUEST, MATCH));
    }

    @Test
    void anExpiredMatchGivesThePlaceBackAndReopensTheRequest() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(new MatchExpired(MATCH, REQUEST, SUPPORTER, ACCEPTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseCapacity(SUPPORTER, MATCH), new ReopenMatching(REQUEST, MATCH));
    }

    @Test
    void profilesDeclinedBeforeAnyChoiceReopenTheRequestWithoutReleasingAPlace() {
        fixture.givenAPublished(new ProfilesShared(MATCH, REQUEST, "p-000", java.util.List.of(SUPPORTER), ACCEPTED_ON))
                .whenPublishingA(new MatchDeclined(MATCH, REQUEST, null, DeclinedBy.HEAD, ACCEPTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReopenMatching(REQUEST, MATCH));
    }

    @Test
    void aChoiceAfterProfilesContinuesTheSameSaga() {
        fixture.givenAPublished(new ProfilesShared(MATCH, REQUEST, "p-000", java.util.List.of(SUPPORTER), ACCEPTED_ON))
                .whenPublishingA(proposed())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void aClosedCycleGivesThePlaceBackAndAsksTheHeadForFeedbackWhereExpected() {
        assertThat(SupportCycleSaga.feedbackIdFor(REQUEST)).isEqualTo("feedback-" + REQUEST);
        fixture.givenAPublished(proposed())
                .andThenAPublished(accepted())
                .whenPublishingA(closed(MATCH, true))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(
                        new ReleaseCapacity(SUPPORTER, MATCH),
                        new RequestFeedback("feedback-" + REQUEST, REQUEST, PROGRAMME, SUPPORTER, HEAD, CLOSED_ON,
                                14));
    }

    @Test
    void aClosedCycleOnlyGivesThePlaceBackWhereNoFeedbackIsExpected() {
        fixture.givenAPublished(proposed())
                .andThenAPublished(accepted())
                .whenPublishingA(closed(MATCH, false))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseCapacity(SUPPORTER, MATCH));
    }

    @Test
    void aWithdrawnRequestGivesThePlaceBackAndEndsTheSaga() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(new RequestWithdrawn(REQUEST, ACCEPTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectDispatchedCommands(new ReleaseCapacity(SUPPORTER, MATCH));
    }

    @Test
    void aCycleClosedUnderAnotherMatchOfTheSameRequestIsIgnored() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(closed("match-2", true))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void anotherMatchsAnswerDoesNotReachThisSaga() {
        fixture.givenAPublished(proposed())
                .whenPublishingA(new MatchAccepted("match-2", REQUEST, PROGRAMME, "supporter-2", ACCEPTED_ON))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void anEndedSagaReactsToNothingMore() {
        fixture.givenAPublished(proposed())
                .andThenAPublished(new MatchDeclined(MATCH, REQUEST, SUPPORTER, DeclinedBy.SUPPORTER, ACCEPTED_ON))
                .whenPublishingA(accepted())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}

package org.peersupport.request;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.AreasOfNeed;
import org.peersupport.kernel.FieldNotCollected;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.PersonalField;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.kernel.UnknownAreaOfNeed;
import org.peersupport.kernel.UnknownRegion;
import org.peersupport.request.api.CloseCycle;
import org.peersupport.request.api.CycleAlreadyClosed;
import org.peersupport.request.api.CycleAlreadyStarted;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleNotStarted;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.CycleWindowExceeded;
import org.peersupport.request.api.FirstMeetingTooLong;
import org.peersupport.request.api.MatchAlreadyInProgress;
import org.peersupport.request.api.MatchingReopened;
import org.peersupport.request.api.MatchingStarted;
import org.peersupport.request.api.MeetingCapReached;
import org.peersupport.request.api.NotTheMatchInProgress;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.StartMatching;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.RequestAlreadyWithdrawn;
import org.peersupport.request.api.RequestSupport;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.RequesterNotEligible;
import org.peersupport.request.api.SessionBeforeCycleStart;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SessionOnClosedCycle;
import org.peersupport.request.api.StartCycle;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.request.api.WithdrawRequest;

class SupportRequestTest {

    private static final String REQUEST = "request-1";
    private static final String HEAD = "head-1";
    private static final String MATCH = "match-1";
    private static final String SUPPORTER = "supporter-1";
    private static final LocalDate REQUESTED_ON = LocalDate.of(2025, 1, 10);
    private static final LocalDate STARTED_ON = LocalDate.of(2025, 2, 1);
    /** Seed 000's six-month window from {@link #STARTED_ON}. */
    private static final LocalDate REVIEW_DUE = LocalDate.of(2025, 8, 1);
    private static final Set<String> AREAS = Set.of(AreasOfNeed.BUDGET, AreasOfNeed.WELLBEING);

    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportRequest.class);
    }

    // ---- requesters, given-events and commands ----------------------------------------------

    private static PersonalData personal(String value) {
        return PersonalData.of(HEAD, value);
    }

    private static Requester headteacher() {
        return requester(RequesterRole.HEADTEACHER, "north", personal("Ashdown Primary"));
    }

    /** Seed 001 collects a name and a work email only. */
    private static Requester associationMember() {
        return requester(RequesterRole.ASSOCIATION_MEMBER, "south", null);
    }

    private static Requester requester(RequesterRole role, String region, PersonalData schoolName) {
        return new Requester(HEAD, personal("Jo Ferris"), personal("j.ferris@school.example"), schoolName, role,
                region, Phase.PRIMARY, Set.of(SchoolType.MAINTAINED), SizeBand.SMALL);
    }

    private static SupportRequested requestedUnder(RuleBook book) {
        Requester requester = book.rules().collects(PersonalField.SCHOOL_NAME)
                ? headteacher() : associationMember();
        return new SupportRequested(REQUEST, book, requester, AREAS, REQUESTED_ON);
    }

    private static CycleStarted started(LocalDate reviewDue) {
        return new CycleStarted(REQUEST, MATCH, SUPPORTER, STARTED_ON, reviewDue);
    }

    private static SessionHeld held(int number, int counted, MeetingMode mode, LocalDate on) {
        return new SessionHeld(REQUEST, "session-" + number, SUPPORTER, on, 60, mode, number, counted);
    }

    /** Requested and started under seed 000, then {@code later}. */
    private static Object[] inCycleUnder000(Object... later) {
        return inCycle(Rules.book000(), REVIEW_DUE, later);
    }

    private static Object[] inCycle(RuleBook book, LocalDate reviewDue, Object... later) {
        List<Object> events = new ArrayList<>();
        events.add(requestedUnder(book));
        events.add(new MatchingStarted(REQUEST, MATCH));
        events.add(started(reviewDue));
        events.addAll(Arrays.asList(later));
        return events.toArray();
    }

    /** Six in-person meetings, a fortnight apart from the start: seed 000's cap, all counted. */
    private static Object[] sixInPersonMeetings() {
        Object[] sessions = new Object[6];
        for (int i = 1; i <= 6; i++) {
            sessions[i - 1] = held(i, i, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(2L * (i - 1)));
        }
        return sessions;
    }

    private static RecordSession session(String id, LocalDate on, int minutes, MeetingMode mode) {
        return new RecordSession(REQUEST, id, on, minutes, mode);
    }

    private static ProgrammeRules withCap(ProgrammeRules r, Integer meetingCap, boolean inPersonOnly) {
        return r.withMeetingCap(meetingCap, inPersonOnly);
    }

    // ---- asking for support ------------------------------------------------------------------

    @Nested
    class Requesting {

        @Test
        void aHeadteacherMayRequestSupportUnderSeed000() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book000(), headteacher(), AREAS, REQUESTED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SupportRequested(REQUEST, Rules.book000(), headteacher(), AREAS, REQUESTED_ON));
        }

        @Test
        void theRequestCarriesTheRuleBookItWasMadeWith() {
            RuleBook version3 = new RuleBook("p-000", 3, withCap(Rules.seed000(), 4, true));
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, version3, headteacher(), AREAS, REQUESTED_ON))
                    .expectEvents(new SupportRequested(REQUEST, version3, headteacher(), AREAS, REQUESTED_ON));
        }

        @Test
        void aRoleTheProgrammeDoesNotAcceptMayNotRequest() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book000(),
                            requester(RequesterRole.EXECUTIVE_HEADTEACHER, "north", null), AREAS, REQUESTED_ON))
                    .expectException(RequesterNotEligible.class)
                    .expectNoEvents();
        }

        @Test
        void onlyAssociationMembersMayRequestUnderSeed001() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book001(),
                            requester(RequesterRole.HEADTEACHER, "south", null), AREAS, REQUESTED_ON))
                    .expectException(RequesterNotEligible.class)
                    .expectNoEvents();
        }

        @Test
        void anAssociationMemberMayRequestUnderSeed001() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book001(), associationMember(), AREAS, REQUESTED_ON))
                    .expectEvents(new SupportRequested(REQUEST, Rules.book001(), associationMember(), AREAS,
                            REQUESTED_ON));
        }

        @Test
        void aRegionOutsideTheProgrammeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book000(),
                            requester(RequesterRole.HEADTEACHER, "atlantis", null), AREAS, REQUESTED_ON))
                    .expectException(UnknownRegion.class)
                    .expectNoEvents();
        }

        @Test
        void anAreaOutsideTheProgrammesVocabularyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book000(), headteacher(),
                            Set.of(AreasOfNeed.BUDGET, "astrology"), REQUESTED_ON))
                    .expectException(UnknownAreaOfNeed.class)
                    .expectNoEvents();
        }

        @Test
        void aSchoolNameIsRefusedWhereTheProgrammeDoesNotCollectIt() {
            fixture.givenNoPriorActivity()
                    .when(new RequestSupport(REQUEST, Rules.book001(),
                            requester(RequesterRole.ASSOCIATION_MEMBER, "south", personal("Ferris Primary")), AREAS,
                            REQUESTED_ON))
                    .expectException(FieldNotCollected.class)
                    .expectExceptionMessage(containsString("SCHOOL_NAME"))
                    .expectNoEvents();
        }
    }

    // ---- withdrawing ---------------------------------------------------------------------------

    @Nested
    class Withdrawing {

        @Test
        void aHeadMayWithdrawBeforeTheCycleStarts() {
            fixture.given(requestedUnder(Rules.book000()))
                    .when(new WithdrawRequest(REQUEST, LocalDate.of(2025, 1, 20)))
                    .expectEvents(new RequestWithdrawn(REQUEST, LocalDate.of(2025, 1, 20)));
        }

        @Test
        void aRequestCannotBeWithdrawnOnceItsCycleHasStarted() {
            fixture.given(inCycleUnder000())
                    .when(new WithdrawRequest(REQUEST, LocalDate.of(2025, 2, 10)))
                    .expectException(CycleAlreadyStarted.class)
                    .expectNoEvents();
        }

        @Test
        void aRequestIsWithdrawnOnce() {
            fixture.given(requestedUnder(Rules.book000()), new RequestWithdrawn(REQUEST, REQUESTED_ON))
                    .when(new WithdrawRequest(REQUEST, LocalDate.of(2025, 1, 20)))
                    .expectException(RequestAlreadyWithdrawn.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnRequestStartsNoCycle() {
            fixture.given(requestedUnder(Rules.book000()), new RequestWithdrawn(REQUEST, REQUESTED_ON))
                    .when(new StartCycle(REQUEST, MATCH, SUPPORTER, STARTED_ON))
                    .expectException(RequestAlreadyWithdrawn.class)
                    .expectNoEvents();
        }
    }

    // ---- the cycle -----------------------------------------------------------------------------

    @Nested
    class StartingTheCycle {

        @Test
        void anAcceptedMatchStartsTheCycleWithItsReviewDueAfterTheMonthsCap() {
            fixture.given(requestedUnder(Rules.book000()), new MatchingStarted(REQUEST, MATCH))
                    .when(new StartCycle(REQUEST, MATCH, SUPPORTER, STARTED_ON))
                    .expectEvents(new CycleStarted(REQUEST, MATCH, SUPPORTER, STARTED_ON, REVIEW_DUE));
        }

        @Test
        void aProgrammeWithoutAMonthsCapSetsNoReviewDate() {
            fixture.given(requestedUnder(Rules.book001()), new MatchingStarted(REQUEST, MATCH))
                    .when(new StartCycle(REQUEST, MATCH, SUPPORTER, STARTED_ON))
                    .expectEvents(new CycleStarted(REQUEST, MATCH, SUPPORTER, STARTED_ON, null));
        }

        @Test
        void theSameAcceptanceDeliveredTwiceChangesNothing() {
            fixture.given(inCycleUnder000())
                    .when(new StartCycle(REQUEST, MATCH, SUPPORTER, STARTED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSecondMatchCannotStartAnotherCycle() {
            fixture.given(inCycleUnder000())
                    .when(new StartCycle(REQUEST, "match-2", "supporter-2", STARTED_ON.plusDays(3)))
                    .expectException(CycleAlreadyStarted.class)
                    .expectNoEvents();
        }

        @Test
        void aClosedCycleDoesNotStartAgain() {
            fixture.given(inCycleUnder000(new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD,
                            LocalDate.of(2025, 6, 1), 0, true)))
                    .when(new StartCycle(REQUEST, "match-2", "supporter-2", LocalDate.of(2025, 6, 2)))
                    .expectException(CycleAlreadyStarted.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OneMatchAtATime {

        @Test
        void seekingAMatchPutsTheRequestIntoMatching() {
            fixture.given(requestedUnder(Rules.book000()))
                    .when(new StartMatching(REQUEST, MATCH))
                    .expectEvents(new MatchingStarted(REQUEST, MATCH));
        }

        @Test
        void aSecondMatchWhileOneIsInProgressIsRefused() {
            fixture.given(requestedUnder(Rules.book000()), new MatchingStarted(REQUEST, MATCH))
                    .when(new StartMatching(REQUEST, "match-2"))
                    .expectException(MatchAlreadyInProgress.class)
                    .expectNoEvents();
        }

        @Test
        void theSameMatchAskedAgainChangesNothing() {
            fixture.given(requestedUnder(Rules.book000()), new MatchingStarted(REQUEST, MATCH))
                    .when(new StartMatching(REQUEST, MATCH))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDeclinedMatchReopensTheRequestForAnother() {
            fixture.given(requestedUnder(Rules.book001()), new MatchingStarted(REQUEST, MATCH),
                            new MatchingReopened(REQUEST, MATCH))
                    .when(new StartMatching(REQUEST, "match-2"))
                    .expectEvents(new MatchingStarted(REQUEST, "match-2"));
        }

        @Test
        void reopeningForAMatchNotInProgressChangesNothing() {
            fixture.given(requestedUnder(Rules.book001()), new MatchingStarted(REQUEST, MATCH))
                    .when(new ReopenMatching(REQUEST, "match-old"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCycleStartsOnlyFromTheMatchInProgress() {
            fixture.given(requestedUnder(Rules.book000()), new MatchingStarted(REQUEST, MATCH))
                    .when(new StartCycle(REQUEST, "match-other", SUPPORTER, STARTED_ON))
                    .expectException(NotTheMatchInProgress.class)
                    .expectNoEvents();
            fixture.given(requestedUnder(Rules.book000()))
                    .when(new StartCycle(REQUEST, MATCH, SUPPORTER, STARTED_ON))
                    .expectException(NotTheMatchInProgress.class)
                    .expectNoEvents();
        }

        @Test
        void noMatchIsSoughtForACycleUnderWayOrClosedOrWithdrawn() {
            fixture.given(inCycleUnder000())
                    .when(new StartMatching(REQUEST, "match-2"))
                    .expectException(CycleAlreadyStarted.class);
            fixture.given(inCycleUnder000(new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD,
                            LocalDate.of(2025, 6, 1), 0, true)))
                    .when(new StartMatching(REQUEST, "match-2"))
                    .expectException(CycleAlreadyClosed.class);
            fixture.given(requestedUnder(Rules.book000()), new RequestWithdrawn(REQUEST, REQUESTED_ON))
                    .when(new StartMatching(REQUEST, "match-2"))
                    .expectException(RequestAlreadyWithdrawn.class);
        }

        @Test
        void aRequestCanBeWithdrawnWhileAMatchIsSought() {
            fixture.given(requestedUnder(Rules.book000()), new MatchingStarted(REQUEST, MATCH))
                    .when(new WithdrawRequest(REQUEST, REQUESTED_ON.plusDays(2)))
                    .expectEvents(new RequestWithdrawn(REQUEST, REQUESTED_ON.plusDays(2)));
        }
    }

    @Nested
    class RecordingSessions {

        @Test
        void aSessionIsRecordedWithItsNumberAndTheCountTowardsTheCap() {
            fixture.given(inCycleUnder000())
                    .when(session("session-1", STARTED_ON.plusDays(7), 60, MeetingMode.IN_PERSON))
                    .expectEvents(new SessionHeld(REQUEST, "session-1", SUPPORTER, STARTED_ON.plusDays(7), 60,
                            MeetingMode.IN_PERSON, 1, 1));
        }

        @Test
        void noSessionBeforeTheCycleHasStarted() {
            fixture.given(requestedUnder(Rules.book000()))
                    .when(session("session-1", STARTED_ON, 45, MeetingMode.IN_PERSON))
                    .expectException(CycleNotStarted.class)
                    .expectNoEvents();
        }

        @Test
        void aSessionCannotPrecedeTheCycleStart() {
            fixture.given(inCycleUnder000())
                    .when(session("session-1", STARTED_ON.minusDays(1), 45, MeetingMode.IN_PERSON))
                    .expectException(SessionBeforeCycleStart.class)
                    .expectNoEvents();
        }

        @Test
        void aSessionOnTheStartDayIsFine() {
            fixture.given(inCycleUnder000())
                    .when(session("session-1", STARTED_ON, 45, MeetingMode.PHONE))
                    .expectEvents(new SessionHeld(REQUEST, "session-1", SUPPORTER, STARTED_ON, 45, MeetingMode.PHONE,
                            1, 0));
        }

        @Test
        void theFirstMeetingMayNotExceedAnHour() {
            fixture.given(inCycleUnder000())
                    .when(session("session-1", STARTED_ON.plusDays(7), 61, MeetingMode.IN_PERSON))
                    .expectException(FirstMeetingTooLong.class)
                    .expectNoEvents();
        }

        @Test
        void laterMeetingsMayRunLongerThanAnHour() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON.plusDays(7))))
                    .when(session("session-2", STARTED_ON.plusDays(21), 90, MeetingMode.IN_PERSON))
                    .expectEvents(new SessionHeld(REQUEST, "session-2", SUPPORTER, STARTED_ON.plusDays(21), 90,
                            MeetingMode.IN_PERSON, 2, 2));
        }

        @Test
        void aProgrammeWithoutAFirstMeetingCapAllowsALongFirstMeeting() {
            fixture.given(inCycle(Rules.book002(), null))
                    .when(session("session-1", STARTED_ON.plusDays(7), 120, MeetingMode.IN_PERSON))
                    .expectEvents(new SessionHeld(REQUEST, "session-1", SUPPORTER, STARTED_ON.plusDays(7), 120,
                            MeetingMode.IN_PERSON, 1, 1));
        }

        @Test
        void aSeventhInPersonMeetingBreaksTheMeetingCap() {
            fixture.given(inCycleUnder000(sixInPersonMeetings()))
                    .when(session("session-7", LocalDate.of(2025, 5, 1), 60, MeetingMode.IN_PERSON))
                    .expectException(MeetingCapReached.class)
                    .expectNoEvents();
        }

        @Test
        void videoMeetingsDoNotCountTowardsSeed000sCap() {
            fixture.given(inCycleUnder000(sixInPersonMeetings()))
                    .when(session("session-7", LocalDate.of(2025, 5, 1), 60, MeetingMode.VIDEO))
                    .expectEvents(new SessionHeld(REQUEST, "session-7", SUPPORTER, LocalDate.of(2025, 5, 1), 60,
                            MeetingMode.VIDEO, 7, 6));
        }

        @Test
        void aSixthInPersonMeetingIsAllowedAfterVideoMeetings() {
            Object[] earlier = {
                    held(1, 1, MeetingMode.IN_PERSON, STARTED_ON),
                    held(2, 1, MeetingMode.VIDEO, STARTED_ON.plusWeeks(1)),
                    held(3, 2, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(2)),
                    held(4, 2, MeetingMode.VIDEO, STARTED_ON.plusWeeks(3)),
                    held(5, 3, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(4)),
                    held(6, 4, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(5)),
                    held(7, 5, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(6)),
            };
            fixture.given(inCycleUnder000(earlier))
                    .when(session("session-8", STARTED_ON.plusWeeks(7), 60, MeetingMode.IN_PERSON))
                    .expectEvents(new SessionHeld(REQUEST, "session-8", SUPPORTER, STARTED_ON.plusWeeks(7), 60,
                            MeetingMode.IN_PERSON, 8, 6));
        }

        @Test
        void whereTheCapCountsEveryMeetingAVideoMeetingBreaksIt() {
            RuleBook everyMeetingCounts = new RuleBook("p-000", 2, withCap(Rules.seed000(), 2, false));
            fixture.given(inCycle(everyMeetingCounts, REVIEW_DUE,
                            held(1, 1, MeetingMode.VIDEO, STARTED_ON),
                            held(2, 2, MeetingMode.PHONE, STARTED_ON.plusWeeks(1))))
                    .when(session("session-3", STARTED_ON.plusWeeks(2), 60, MeetingMode.VIDEO))
                    .expectException(MeetingCapReached.class)
                    .expectNoEvents();
        }

        @Test
        void theCycleIsJudgedByTheRuleBookItsRequestWasMadeWith() {
            // version 2 of the programme's rules capped meetings at two: the request made under it keeps that cap
            RuleBook version2 = new RuleBook("p-000", 2, withCap(Rules.seed000(), 2, true));
            fixture.given(inCycle(version2, REVIEW_DUE,
                            held(1, 1, MeetingMode.IN_PERSON, STARTED_ON),
                            held(2, 2, MeetingMode.IN_PERSON, STARTED_ON.plusWeeks(1))))
                    .when(session("session-3", STARTED_ON.plusWeeks(2), 60, MeetingMode.IN_PERSON))
                    .expectException(MeetingCapReached.class)
                    .expectNoEvents();
        }

        @Test
        void aProgrammeWithoutAMeetingCapTakesAnyNumberOfMeetings() {
            fixture.given(inCycle(Rules.book001(), null, sixInPersonMeetings()))
                    .when(session("session-7", LocalDate.of(2026, 5, 1), 60, MeetingMode.IN_PERSON))
                    .expectEvents(new SessionHeld(REQUEST, "session-7", SUPPORTER, LocalDate.of(2026, 5, 1), 60,
                            MeetingMode.IN_PERSON, 7, 7));
        }

        @Test
        void aSessionAfterTheReviewDateBreaksTheCycleWindow() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON)))
                    .when(session("session-2", REVIEW_DUE.plusDays(1), 60, MeetingMode.VIDEO))
                    .expectException(CycleWindowExceeded.class)
                    .expectNoEvents();
        }

        @Test
        void aSessionOnTheReviewDateIsWithinTheWindow() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON)))
                    .when(session("session-2", REVIEW_DUE, 60, MeetingMode.VIDEO))
                    .expectEvents(new SessionHeld(REQUEST, "session-2", SUPPORTER, REVIEW_DUE, 60, MeetingMode.VIDEO,
                            2, 1));
        }

        @Test
        void aClosedCycleTakesNoMoreSessions() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON),
                            new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD, LocalDate.of(2025, 4, 1), 1,
                                    true)))
                    .when(session("session-2", LocalDate.of(2025, 4, 2), 60, MeetingMode.IN_PERSON))
                    .expectException(SessionOnClosedCycle.class)
                    .expectNoEvents();
        }

        @Test
        void aSessionRecordedTwiceIsRecordedOnce() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON.plusDays(7))))
                    .when(session("session-1", STARTED_ON.plusDays(7), 60, MeetingMode.IN_PERSON))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnRequestTakesNoSessions() {
            fixture.given(requestedUnder(Rules.book000()), new RequestWithdrawn(REQUEST, REQUESTED_ON))
                    .when(session("session-1", STARTED_ON, 60, MeetingMode.IN_PERSON))
                    .expectException(RequestAlreadyWithdrawn.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ClosingTheCycle {

        @Test
        void closingCarriesTheSessionsHeldAndThatSeed000ExpectsFeedback() {
            fixture.given(inCycleUnder000(held(1, 1, MeetingMode.IN_PERSON, STARTED_ON),
                            held(2, 1, MeetingMode.VIDEO, STARTED_ON.plusWeeks(2))))
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 5, 1)))
                    .expectEvents(new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD, LocalDate.of(2025, 5, 1),
                            2, true));
        }

        @Test
        void closingUnderSeed001ExpectsNoFeedback() {
            fixture.given(inCycle(Rules.book001(), null, held(1, 1, MeetingMode.IN_PERSON, STARTED_ON)))
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 5, 1)))
                    .expectEvents(new CycleClosed(REQUEST, "p-001", MATCH, SUPPORTER, HEAD, LocalDate.of(2025, 5, 1),
                            1, false));
        }

        @Test
        void aCycleWithNoSessionsClosesWithNone() {
            fixture.given(inCycleUnder000())
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 3, 1)))
                    .expectEvents(new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD, LocalDate.of(2025, 3, 1),
                            0, true));
        }

        @Test
        void aCycleIsClosedOnce() {
            fixture.given(inCycleUnder000(new CycleClosed(REQUEST, "p-000", MATCH, SUPPORTER, HEAD,
                            LocalDate.of(2025, 5, 1), 0, true)))
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 5, 2)))
                    .expectException(CycleAlreadyClosed.class)
                    .expectNoEvents();
        }

        @Test
        void aCycleThatHasNotStartedCannotClose() {
            fixture.given(requestedUnder(Rules.book000()))
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 5, 1)))
                    .expectException(CycleNotStarted.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnRequestHasNoCycleToClose() {
            fixture.given(requestedUnder(Rules.book000()), new RequestWithdrawn(REQUEST, REQUESTED_ON))
                    .when(new CloseCycle(REQUEST, LocalDate.of(2025, 5, 1)))
                    .expectException(RequestAlreadyWithdrawn.class)
                    .expectNoEvents();
        }
    }
}

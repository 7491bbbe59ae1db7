package org.peersupport.request;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SizeBand;
import org.peersupport.request.api.ContentiousMeetingNoted;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleExtended;
import org.peersupport.request.api.CycleReviewDue;
import org.peersupport.request.api.CycleReviewed;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.EndMatch;
import org.peersupport.request.api.ExtensionNeedsLength;
import org.peersupport.request.api.ExtensionNotAgreedWithHead;
import org.peersupport.request.api.LeaderNotTold;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.MatchingStarted;
import org.peersupport.request.api.MeetingCapReached;
import org.peersupport.request.api.NoteContentiousMeeting;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.ReviewCycle;
import org.peersupport.request.api.ReviewDecision;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.StartCycle;
import org.peersupport.request.api.StartMatching;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.request.api.UnknownSession;

/** Seed 000's review at six months and extension by agreement; seed 002's re-match and contentious note. */
class CycleReviewAndRematchTest {

    static final String REQUEST = "request-1";
    static final String HEAD = "head:invented-1";
    static final LocalDate START = LocalDate.of(2026, 1, 12);
    static final LocalDate DUE = START.plusMonths(6);

    FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportRequest.class);
    }

    private static SupportRequested requested(RuleBook book) {
        return new SupportRequested(REQUEST, book, new Requester(HEAD, PersonalData.of(HEAD, "Invented Head"), null,
                null, RequesterRole.HEADTEACHER, "north", Phase.PRIMARY, Set.of(), SizeBand.SMALL),
                Set.of("budget"), START.minusDays(10));
    }

    private static Object[] inCycle(RuleBook book, LocalDate due, Object... more) {
        Object[] events = new Object[3 + more.length];
        events[0] = requested(book);
        events[1] = new MatchingStarted(REQUEST, "match-1");
        events[2] = new CycleStarted(REQUEST, "match-1", "supporter-1", START, due);
        System.arraycopy(more, 0, events, 3, more.length);
        return events;
    }

    private static SessionHeld inPerson(int n) {
        return new SessionHeld(REQUEST, "s" + n, "supporter-1", START.plusWeeks(n), 60, MeetingMode.IN_PERSON, n, n);
    }

    @Test
    void startingACycleSchedulesItsReviewAtTheMonthsCap() {
        fixture.given(requested(Rules.book000()), new MatchingStarted(REQUEST, "match-1"))
                .when(new StartCycle(REQUEST, "match-1", "supporter-1", START))
                .expectScheduledDeadlineWithName(DUE.atStartOfDay(ZoneId.systemDefault()).toInstant(),
                        SupportRequest.REVIEW_DUE);
    }

    @Test
    void whenSixMonthsPassWithoutAReviewTheReviewFallsDue() {
        fixture.givenCurrentTime(START.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant())
                .andGiven(requested(Rules.book000()), new MatchingStarted(REQUEST, "match-1"))
                .andGivenCommands(new StartCycle(REQUEST, "match-1", "supporter-1", START))
                .whenTimeElapses(Duration.ofDays(190))
                .expectEvents(new CycleReviewDue(REQUEST, DUE));
    }

    @Test
    void aProgrammeWithoutAMonthsCapHasNoReviewDeadline() {
        fixture.given(requested(Rules.book001()), new MatchingStarted(REQUEST, "match-1"))
                .when(new StartCycle(REQUEST, "match-1", "supporter-1", START))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anExtensionNeedsTheHeadsAgreement() {
        fixture.given(inCycle(Rules.book000(), DUE))
                .when(new ReviewCycle(REQUEST, ReviewDecision.EXTEND, 3, 2, false, DUE))
                .expectException(ExtensionNotAgreedWithHead.class)
                .expectNoEvents();
        fixture.given(inCycle(Rules.book000(), DUE))
                .when(new ReviewCycle(REQUEST, ReviewDecision.EXTEND, null, 2, true, DUE))
                .expectException(ExtensionNeedsLength.class)
                .expectNoEvents();
    }

    @Test
    void anAgreedExtensionMovesTheReviewAndRaisesTheMeetingAllowance() {
        fixture.given(inCycle(Rules.book000(), DUE))
                .when(new ReviewCycle(REQUEST, ReviewDecision.EXTEND, 3, 2, true, DUE))
                .expectEvents(new CycleReviewed(REQUEST, ReviewDecision.EXTEND, DUE),
                        new CycleExtended(REQUEST, DUE.plusMonths(3), 8, DUE))
                .expectScheduledDeadlineWithName(DUE.plusMonths(3).atStartOfDay(ZoneId.systemDefault()).toInstant(),
                        SupportRequest.REVIEW_DUE);
    }

    @Test
    void afterAnExtensionTheSeventhInPersonMeetingIsAllowedButNotTheNinth() {
        fixture.given(inCycle(Rules.book000(), DUE, inPerson(1), inPerson(2), inPerson(3), inPerson(4), inPerson(5),
                        inPerson(6), new CycleExtended(REQUEST, DUE.plusMonths(3), 8, DUE)))
                .when(new RecordSession(REQUEST, "s7", DUE.plusDays(3), 60, MeetingMode.IN_PERSON))
                .expectEvents(new SessionHeld(REQUEST, "s7", "supporter-1", DUE.plusDays(3), 60, MeetingMode.IN_PERSON,
                        7, 7));
        fixture.given(inCycle(Rules.book000(), DUE, inPerson(1), inPerson(2), inPerson(3), inPerson(4), inPerson(5),
                        inPerson(6), new CycleExtended(REQUEST, DUE.plusMonths(3), 8, DUE), inPerson(7), inPerson(8)))
                .when(new RecordSession(REQUEST, "s9", DUE.plusDays(20), 60, MeetingMode.IN_PERSON))
                .expectException(MeetingCapReached.class);
    }

    @Test
    void aLateRepeatOfTheAcceptanceAfterTheCycleClosedChangesNothing() {
        fixture.given(inCycle(Rules.book000(), DUE, inPerson(1),
                        new CycleClosed(REQUEST, "p-000", "match-1", "supporter-1", HEAD, START.plusMonths(1), 1, true)))
                .when(new StartCycle(REQUEST, "match-1", "supporter-1", START))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCycleCannotCloseBeforeItStarted() {
        fixture.given(inCycle(Rules.book000(), DUE))
                .when(new org.peersupport.request.api.CloseCycle(REQUEST, START.minusDays(1)))
                .expectException(org.peersupport.request.api.CloseBeforeCycleStart.class)
                .expectNoEvents();
    }

    @Test
    void aReviewCanCloseTheCycle() {
        fixture.given(inCycle(Rules.book000(), DUE, inPerson(1)))
                .when(new ReviewCycle(REQUEST, ReviewDecision.CLOSE, null, null, false, DUE))
                .expectEvents(new CycleReviewed(REQUEST, ReviewDecision.CLOSE, DUE),
                        new CycleClosed(REQUEST, "p-000", "match-1", "supporter-1", HEAD, DUE, 1, true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void eitherSideCanEndTheMatchWithNoBlameAndTheRequestIsOpenForARematch() {
        fixture.given(inCycle(Rules.book002(), null, inPerson(1)))
                .when(new EndMatch(REQUEST, START.plusMonths(2)))
                .expectEvents(new MatchEnded(REQUEST, "match-1", "supporter-1", START.plusMonths(2)));
        fixture.given(inCycle(Rules.book002(), null, inPerson(1),
                        new MatchEnded(REQUEST, "match-1", "supporter-1", START.plusMonths(2))))
                .when(new StartMatching(REQUEST, "match-2"))
                .expectEvents(new MatchingStarted(REQUEST, "match-2"));
    }

    @Test
    void aRematchStartsAFreshCycleWithItsOwnFirstMeeting() {
        fixture.given(inCycle(Rules.book000(), DUE, inPerson(1),
                        new MatchEnded(REQUEST, "match-1", "supporter-1", START.plusMonths(1)),
                        new MatchingStarted(REQUEST, "match-2"),
                        new CycleStarted(REQUEST, "match-2", "supporter-2", START.plusMonths(1), START.plusMonths(7))))
                .when(new RecordSession(REQUEST, "s2", START.plusMonths(1).plusDays(2), 90, MeetingMode.VIDEO))
                .expectException(org.peersupport.request.api.FirstMeetingTooLong.class);
    }

    @Test
    void aContentiousMeetingNoteIsRecordedOnlyOnceTheLeaderIsTold() {
        PersonalData note = PersonalData.of(HEAD, "Invented note");
        fixture.given(inCycle(Rules.book002(), null, inPerson(1)))
                .when(new NoteContentiousMeeting(REQUEST, "s1", note, false, START.plusWeeks(1)))
                .expectException(LeaderNotTold.class)
                .expectNoEvents();
        fixture.given(inCycle(Rules.book002(), null, inPerson(1)))
                .when(new NoteContentiousMeeting(REQUEST, "s-unknown", note, true, START.plusWeeks(1)))
                .expectException(UnknownSession.class);
        fixture.given(inCycle(Rules.book002(), null, inPerson(1)))
                .when(new NoteContentiousMeeting(REQUEST, "s1", note, true, START.plusWeeks(1)))
                .expectEvents(new ContentiousMeetingNoted(REQUEST, "s1", note, START.plusWeeks(1)));
    }
}

package org.peersupport.request;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SizeBand;
import org.peersupport.request.api.BoundaryExceptionRecorded;
import org.peersupport.request.api.CadenceMissed;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.MatchingStarted;
import org.peersupport.request.api.OutsideBoundaries;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SessionTimeRequired;
import org.peersupport.request.api.StartCycle;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.request.api.TermCadenceExceeded;

/** Seed 000's boundaries and seed 002's termly cadence, with the templates' England term calendar. */
class BoundariesAndCadenceTest {

    static final String REQUEST = "request-1";
    static final String HEAD = "head:invented-1";
    static final RuleBook LA = ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000");
    static final RuleBook PASTORAL = ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002");
    static final LocalDate START = LocalDate.of(2026, 11, 2);         // Monday, autumn term 2026
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    static final LocalDate CHRISTMAS_HOLIDAY = LocalDate.of(2026, 12, 29);  // a Tuesday outside term
    static final LocalDate HALF_TERM = LocalDate.of(2027, 2, 17);         // Wednesday of spring half-term
    static final ZoneId ZONE = ZoneId.systemDefault();

    FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportRequest.class);
    }

    private static Object[] inCycle(RuleBook book, Object... more) {
        Object[] events = new Object[3 + more.length];
        events[0] = new SupportRequested(REQUEST, book, new Requester(HEAD, PersonalData.of(HEAD, "Invented"), null,
                null, RequesterRole.HEADTEACHER, "north", Phase.PRIMARY, Set.of(), SizeBand.SMALL), Set.of("budget"),
                START.minusDays(7));
        events[1] = new MatchingStarted(REQUEST, "match-1");
        events[2] = new CycleStarted(REQUEST, "match-1", "supporter-1", START, START.plusMonths(6));
        System.arraycopy(more, 0, events, 3, more.length);
        return events;
    }

    private static RecordSession at(LocalDate day, String time, PersonalData exception) {
        return new RecordSession(REQUEST, "s-" + day + time, day, LocalTime.parse(time), 45, MeetingMode.VIDEO,
                exception);
    }

    @Test
    void aSessionInTheSchoolDayOrJustAfterIsWithinBounds() {
        fixture.given(inCycle(LA))
                .when(at(WEDNESDAY, "16:45", null))
                .expectEvents(new SessionHeld(REQUEST, "s-" + WEDNESDAY + "16:45", "supporter-1", WEDNESDAY, 45,
                        MeetingMode.VIDEO, 1, 0));
    }

    @Test
    void eachBoundaryIsRefusedByName() {
        fixture.given(inCycle(LA)).when(at(WEDNESDAY, "19:30", null))
                .expectException(OutsideBoundaries.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("OutsideSchoolDay")).expectNoEvents();
        fixture.given(inCycle(LA)).when(at(SATURDAY, "10:00", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("OutsideWorkingDays")).expectNoEvents();
        fixture.given(inCycle(LA)).when(at(CHRISTMAS_HOLIDAY, "10:00", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("OutsideTermTime")).expectNoEvents();
        fixture.given(inCycle(LA)).when(at(HALF_TERM, "10:00", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("OutsideTermTime")).expectNoEvents();
    }

    @Test
    void aProgrammeWithBoundariesNeedsTheStartTime() {
        fixture.given(inCycle(LA))
                .when(new RecordSession(REQUEST, "s-1", WEDNESDAY, 45, MeetingMode.VIDEO))
                .expectException(SessionTimeRequired.class)
                .expectNoEvents();
    }

    @Test
    void aCoordinatorsRecordedExceptionAdmitsASessionOutsideTheBoundaries() {
        PersonalData reason = PersonalData.of(HEAD, "Invented: the head asked for an evening call after an inspection");
        fixture.given(inCycle(LA))
                .when(at(WEDNESDAY, "19:30", reason))
                .expectEvents(new SessionHeld(REQUEST, "s-" + WEDNESDAY + "19:30", "supporter-1", WEDNESDAY, 45,
                                MeetingMode.VIDEO, 1, 0),
                        new BoundaryExceptionRecorded(REQUEST, "s-" + WEDNESDAY + "19:30", "OutsideSchoolDay", reason));
    }

    @Test
    void seed002MeetsAtMostTwiceATerm() {
        SessionHeld first = new SessionHeld(REQUEST, "a", "supporter-1", START.plusDays(1), 60, MeetingMode.IN_PERSON, 1,
                1);
        SessionHeld second = new SessionHeld(REQUEST, "b", "supporter-1", START.plusDays(8), 60, MeetingMode.IN_PERSON,
                2, 2);
        fixture.given(inCycle(PASTORAL, first, second))
                .when(new RecordSession(REQUEST, "c", WEDNESDAY, 60, MeetingMode.IN_PERSON))
                .expectException(TermCadenceExceeded.class)
                .expectNoEvents();
        fixture.given(inCycle(PASTORAL, first, second))
                .when(new RecordSession(REQUEST, "c", LocalDate.of(2027, 1, 12), 60, MeetingMode.IN_PERSON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aTermThatPassesWithoutAMeetingIsFlaggedAsMissedCadence() {
        fixture.givenCurrentTime(START.atTime(9, 0).atZone(ZONE).toInstant())
                .andGiven(inCycle(PASTORAL)[0], inCycle(PASTORAL)[1])
                .andGivenCommands(new StartCycle(REQUEST, "match-1", "supporter-1", START))
                .whenTimeAdvancesTo(LocalDate.of(2026, 12, 21).atTime(12, 0).atZone(ZONE).toInstant())
                .expectEvents(new CadenceMissed(REQUEST, "Autumn 2026", 0, 1));
    }

    @Test
    void aTermWithAMeetingIsNotFlagged() {
        fixture.givenCurrentTime(START.atTime(9, 0).atZone(ZONE).toInstant())
                .andGiven(inCycle(PASTORAL)[0], inCycle(PASTORAL)[1])
                .andGivenCommands(new StartCycle(REQUEST, "match-1", "supporter-1", START),
                        new RecordSession(REQUEST, "a", START.plusDays(3), 60, MeetingMode.IN_PERSON))
                .whenTimeElapses(Duration.ofDays(50))
                .expectNoEvents();
    }
}

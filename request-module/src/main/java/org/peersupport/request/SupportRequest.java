package org.peersupport.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.kernel.Days;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalField;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.Term;
import org.peersupport.kernel.TermCalendar;
import org.peersupport.request.api.BoundaryExceptionRecorded;
import org.peersupport.request.api.CadenceMissed;
import org.peersupport.request.api.CloseBeforeCycleStart;
import org.peersupport.request.api.CloseCycle;
import org.peersupport.request.api.ContentiousMeetingNoted;
import org.peersupport.request.api.CycleAlreadyClosed;
import org.peersupport.request.api.CycleAlreadyStarted;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleExtended;
import org.peersupport.request.api.CycleNotStarted;
import org.peersupport.request.api.CycleReviewDue;
import org.peersupport.request.api.CycleReviewed;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.CycleWindowExceeded;
import org.peersupport.request.api.EndMatch;
import org.peersupport.request.api.ExtensionNeedsLength;
import org.peersupport.request.api.ExtensionNotAgreedWithHead;
import org.peersupport.request.api.FirstMeetingTooLong;
import org.peersupport.request.api.LeaderNotTold;
import org.peersupport.request.api.MatchAlreadyInProgress;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.MatchingReopened;
import org.peersupport.request.api.MatchingStarted;
import org.peersupport.request.api.MeetingCapReached;
import org.peersupport.request.api.NotTheMatchInProgress;
import org.peersupport.request.api.NoteContentiousMeeting;
import org.peersupport.request.api.OutsideBoundaries;
import org.peersupport.request.api.RecordSession;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.RequestAlreadyWithdrawn;
import org.peersupport.request.api.RequestSupport;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.RequesterNotEligible;
import org.peersupport.request.api.ReviewCycle;
import org.peersupport.request.api.ReviewDecision;
import org.peersupport.request.api.SessionBeforeCycleStart;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SessionOnClosedCycle;
import org.peersupport.request.api.SessionTimeRequired;
import org.peersupport.request.api.StartCycle;
import org.peersupport.request.api.StartMatching;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.request.api.TermCadenceExceeded;
import org.peersupport.request.api.UnknownSession;
import org.peersupport.request.api.WithdrawRequest;

/**
 * A head's request for support and the cycle that follows it: the case file. It judges every
 * session against the rule book the request was made under, never the programme's later rules.
 */
@Aggregate(cache = Aggregates.SUPPORT_REQUEST_CACHE)
class SupportRequest {

    static final String REVIEW_DUE = "review-due";
    static final String CADENCE_CHECK = "cadence-check";

    enum Stage { AWAITING_MATCH, MATCHING, IN_CYCLE, CLOSED, WITHDRAWN }

    @AggregateIdentifier
    private String requestId;
    private RuleBook ruleBook;
    private String headSubject;
    private Stage stage;
    private String matchId;
    private String supporterId;
    private LocalDate startedOn;
    private LocalDate reviewDue;
    private final Set<String> sessionIds = new HashSet<>();
    private final Set<String> matchesStarted = new HashSet<>();
    private int sessionsThisCycle;
    private int countedMeetings;
    private Integer meetingAllowance;
    private final Map<String, Integer> meetingsPerTerm = new HashMap<>();

    SupportRequest() {
        // for Axon
    }

    @CommandHandler
    SupportRequest(RequestSupport command) {
        ProgrammeRules rules = command.ruleBook().rules();
        Requester requester = command.requester();
        if (!rules.whoMayRequest().contains(requester.role())) {
            throw new RequesterNotEligible(requester.role());
        }
        rules.requireRegion(requester.region());
        rules.requireAreas(command.areasOfNeed());
        rules.requireCollected(PersonalField.NAME, requester.name());
        rules.requireCollected(PersonalField.WORK_EMAIL, requester.workEmail());
        rules.requireCollected(PersonalField.SCHOOL_NAME, requester.schoolName());
        apply(new SupportRequested(command.requestId(), command.ruleBook(), requester,
                Set.copyOf(command.areasOfNeed()), command.requestedOn()));
    }

    @CommandHandler
    void handle(WithdrawRequest command) {
        requireOpen();
        if (stage != Stage.AWAITING_MATCH && stage != Stage.MATCHING) {
            throw new CycleAlreadyStarted(requestId);
        }
        apply(new RequestWithdrawn(requestId, command.withdrawnOn()));
    }

    @CommandHandler
    void handle(StartMatching command) {
        requireOpen();
        switch (stage) {
            case AWAITING_MATCH -> apply(new MatchingStarted(requestId, command.matchId()));
            case MATCHING -> {
                if (!command.matchId().equals(matchId)) {
                    throw new MatchAlreadyInProgress(requestId);
                }
            }
            case CLOSED -> throw new CycleAlreadyClosed(requestId);
            default -> throw new CycleAlreadyStarted(requestId);
        }
    }

    @CommandHandler
    void handle(ReopenMatching command) {
        if (stage == Stage.MATCHING && command.matchId().equals(matchId)) {
            apply(new MatchingReopened(requestId, command.matchId()));
        }
    }

    @CommandHandler
    void handle(StartCycle command, DeadlineManager deadlines) {
        if (matchesStarted.contains(command.matchId())) {
            return; // this match's acceptance again (e.g. a lagging saga after the cycle moved on)
        }
        requireOpen();
        if (stage == Stage.IN_CYCLE || stage == Stage.CLOSED) {
            throw new CycleAlreadyStarted(requestId);
        }
        if (stage != Stage.MATCHING || !command.matchId().equals(matchId)) {
            throw new NotTheMatchInProgress(requestId);
        }
        Integer months = ruleBook.rules().monthsCap();
        LocalDate due = months == null ? null : command.startedOn().plusMonths(months);
        apply(new CycleStarted(requestId, command.matchId(), command.supporterId(), command.startedOn(), due));
        scheduleReview(deadlines, due);
        ProgrammeRules rules = ruleBook.rules();
        if (rules.minMeetingsPerTerm() != null && rules.calendar() != null) {
            deadlines.cancelAllWithinScope(CADENCE_CHECK);
            scheduleCadenceCheck(deadlines, rules.calendar().currentOrNext(command.startedOn()).orElse(null));
        }
    }

    @DeadlineHandler(deadlineName = REVIEW_DUE)
    void reviewDue() {
        if (stage == Stage.IN_CYCLE) {
            apply(new CycleReviewDue(requestId, reviewDue));
        }
    }

    @CommandHandler
    void handle(ReviewCycle command, DeadlineManager deadlines) {
        requireOpen();
        requireInCycle();
        if (command.decision() == ReviewDecision.CLOSE) {
            apply(new CycleReviewed(requestId, ReviewDecision.CLOSE, command.reviewedOn()));
            close(command.reviewedOn(), deadlines);
            return;
        }
        if (!command.agreedWithHead()) {
            throw new ExtensionNotAgreedWithHead(requestId);
        }
        if (command.extraMonths() == null || command.extraMonths() < 1) {
            throw new ExtensionNeedsLength();
        }
        LocalDate from = reviewDue == null || command.reviewedOn().isAfter(reviewDue) ? command.reviewedOn() : reviewDue;
        LocalDate nextReview = from.plusMonths(command.extraMonths());
        Integer allowance = meetingAllowance == null ? null
                : meetingAllowance + (command.extraMeetings() == null ? 0 : command.extraMeetings());
        apply(new CycleReviewed(requestId, ReviewDecision.EXTEND, command.reviewedOn()));
        apply(new CycleExtended(requestId, nextReview, allowance, command.reviewedOn()));
        scheduleReview(deadlines, nextReview);
    }

    @CommandHandler
    void handle(EndMatch command, DeadlineManager deadlines) {
        requireOpen();
        requireInCycle();
        apply(new MatchEnded(requestId, matchId, supporterId, command.endedOn()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        deadlines.cancelAllWithinScope(CADENCE_CHECK);
    }

    @CommandHandler
    void handle(NoteContentiousMeeting command) {
        requireOpen();
        if (!sessionIds.contains(command.sessionId())) {
            throw new UnknownSession(command.sessionId());
        }
        if (!command.leaderTold()) {
            throw new LeaderNotTold();
        }
        apply(new ContentiousMeetingNoted(requestId, command.sessionId(), command.note(), command.notedOn()));
    }

    private void requireInCycle() {
        switch (stage) {
            case AWAITING_MATCH, MATCHING -> throw new CycleNotStarted(requestId);
            case CLOSED -> throw new CycleAlreadyClosed(requestId);
            default -> { }
        }
    }

    private static void scheduleReview(DeadlineManager deadlines, LocalDate due) {
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        if (due != null) {
            deadlines.schedule(Days.startOf(due), REVIEW_DUE);
        }
    }

    @CommandHandler
    void handle(RecordSession command) {
        requireOpen();
        if (sessionIds.contains(command.sessionId())) {
            return; // idempotent: a retried command records the session once
        }
        switch (stage) {
            case AWAITING_MATCH, MATCHING -> throw new CycleNotStarted(requestId);
            case CLOSED -> throw new SessionOnClosedCycle(requestId);
            default -> { }
        }
        ProgrammeRules rules = ruleBook.rules();
        if (command.heldOn().isBefore(startedOn)) {
            throw new SessionBeforeCycleStart(startedOn);
        }
        if (sessionsThisCycle == 0 && rules.firstMeetingMaxMinutes() != null
                && command.durationMinutes() > rules.firstMeetingMaxMinutes()) {
            throw new FirstMeetingTooLong(rules.firstMeetingMaxMinutes());
        }
        if (reviewDue != null && command.heldOn().isAfter(reviewDue)) {
            throw new CycleWindowExceeded(reviewDue);
        }
        boolean counts = !rules.capCountsInPersonOnly() || command.mode() == MeetingMode.IN_PERSON;
        if (counts && meetingAllowance != null && countedMeetings >= meetingAllowance) {
            throw new MeetingCapReached(meetingAllowance);
        }
        String breach = boundaryBreach(command, rules);
        if (breach != null && command.exceptionReason() == null) {
            throw new OutsideBoundaries(breach);
        }
        String term = termOf(command.heldOn());
        if (term != null && rules.maxMeetingsPerTerm() != null && command.exceptionReason() == null
                && meetingsPerTerm.getOrDefault(term, 0) >= rules.maxMeetingsPerTerm()) {
            throw new TermCadenceExceeded(rules.maxMeetingsPerTerm());
        }
        apply(new SessionHeld(requestId, command.sessionId(), supporterId, command.heldOn(),
                command.durationMinutes(), command.mode(), sessionsThisCycle + 1,
                counts ? countedMeetings + 1 : countedMeetings));
        if (breach != null) {
            apply(new BoundaryExceptionRecorded(requestId, command.sessionId(), breach, command.exceptionReason()));
        }
    }

    /** The boundary a session would break under the rules, or null; a time is needed to judge. */
    private static String boundaryBreach(RecordSession command, ProgrammeRules rules) {
        if (rules.boundaries() == null) {
            return null;
        }
        if (command.startTime() == null) {
            throw new SessionTimeRequired();
        }
        return rules.boundaries().breach(command.heldOn(), command.startTime(), rules.calendar()).orElse(null);
    }

    private String termOf(LocalDate day) {
        TermCalendar calendar = ruleBook.rules().calendar();
        return calendar == null ? null : calendar.termSpanning(day).map(Term::name).orElse(null);
    }

    /** Seed 002: at each term's end, a term with fewer meetings than the cadence asks for is flagged. */
    @DeadlineHandler(deadlineName = CADENCE_CHECK)
    void termEnded(String term, DeadlineManager deadlines) {
        Integer min = ruleBook.rules().minMeetingsPerTerm();
        if (stage != Stage.IN_CYCLE || min == null) {
            return;
        }
        int held = meetingsPerTerm.getOrDefault(term, 0);
        if (held < min) {
            apply(new CadenceMissed(requestId, term, held, min));
        }
        scheduleCadenceCheck(deadlines, ruleBook.rules().calendar().termAfter(term).orElse(null));
    }

    private void scheduleCadenceCheck(DeadlineManager deadlines, Term term) {
        if (term != null) {
            deadlines.schedule(Days.startOf(term.end().plusDays(1)), CADENCE_CHECK, term.name());
        }
    }

    @CommandHandler
    void handle(CloseCycle command, DeadlineManager deadlines) {
        requireOpen();
        requireInCycle();
        if (command.closedOn().isBefore(startedOn)) {
            throw new CloseBeforeCycleStart(startedOn);
        }
        close(command.closedOn(), deadlines);
    }

    private void close(LocalDate on, DeadlineManager deadlines) {
        apply(new CycleClosed(requestId, ruleBook.programmeId(), matchId, supporterId, headSubject, on,
                sessionsThisCycle, ruleBook.rules().feedbackExpected()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        deadlines.cancelAllWithinScope(CADENCE_CHECK);
    }

    private void requireOpen() {
        if (stage == Stage.WITHDRAWN) {
            throw new RequestAlreadyWithdrawn(requestId);
        }
    }

    @EventSourcingHandler
    void on(SupportRequested event) {
        requestId = event.requestId();
        ruleBook = event.ruleBook();
        headSubject = event.requester().subject();
        stage = Stage.AWAITING_MATCH;
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        stage = Stage.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(MatchingStarted event) {
        stage = Stage.MATCHING;
        matchId = event.matchId();
    }

    @EventSourcingHandler
    void on(MatchingReopened event) {
        stage = Stage.AWAITING_MATCH;
        matchId = null;
    }

    @EventSourcingHandler
    void on(CycleStarted event) {
        matchesStarted.add(event.matchId());
        stage = Stage.IN_CYCLE;
        matchId = event.matchId();
        supporterId = event.supporterId();
        startedOn = event.startedOn();
        reviewDue = event.reviewDue();
        sessionsThisCycle = 0;
        countedMeetings = 0;
        meetingAllowance = ruleBook.rules().meetingCap();
    }

    @EventSourcingHandler
    void on(CycleExtended event) {
        reviewDue = event.reviewDue();
        meetingAllowance = event.meetingAllowance();
    }

    @EventSourcingHandler
    void on(MatchEnded event) {
        stage = Stage.AWAITING_MATCH;
        matchId = null;
        supporterId = null;
        reviewDue = null;
    }

    @EventSourcingHandler
    void on(SessionHeld event) {
        sessionIds.add(event.sessionId());
        String term = termOf(event.heldOn());
        if (term != null) {
            meetingsPerTerm.merge(term, 1, Integer::sum);
        }
        sessionsThisCycle++;
        countedMeetings = event.countedMeetings();
    }

    @EventSourcingHandler
    void on(CycleClosed event) {
        stage = Stage.CLOSED;
    }
}

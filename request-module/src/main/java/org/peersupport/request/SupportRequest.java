package org.peersupport.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalField;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.RuleBook;
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
import org.peersupport.request.api.NotTheMatchInProgress;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.StartMatching;
import org.peersupport.request.api.MeetingCapReached;
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

/**
 * A head's request for support and the cycle that follows it: the case file. It judges every
 * session against the rule book the request was made under, never the programme's later rules.
 */
@Aggregate
class SupportRequest {

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
    private int countedMeetings;

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
    void handle(StartCycle command) {
        requireOpen();
        if (stage == Stage.IN_CYCLE && command.matchId().equals(matchId)) {
            return; // the same acceptance delivered twice
        }
        if (stage == Stage.IN_CYCLE || stage == Stage.CLOSED) {
            throw new CycleAlreadyStarted(requestId);
        }
        if (stage != Stage.MATCHING || !command.matchId().equals(matchId)) {
            throw new NotTheMatchInProgress(requestId);
        }
        Integer months = ruleBook.rules().monthsCap();
        LocalDate due = months == null ? null : command.startedOn().plusMonths(months);
        apply(new CycleStarted(requestId, command.matchId(), command.supporterId(), command.startedOn(), due));
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
        if (sessionIds.isEmpty() && rules.firstMeetingMaxMinutes() != null
                && command.durationMinutes() > rules.firstMeetingMaxMinutes()) {
            throw new FirstMeetingTooLong(rules.firstMeetingMaxMinutes());
        }
        if (reviewDue != null && command.heldOn().isAfter(reviewDue)) {
            throw new CycleWindowExceeded(reviewDue);
        }
        boolean counts = !rules.capCountsInPersonOnly() || command.mode() == MeetingMode.IN_PERSON;
        if (counts && rules.meetingCap() != null && countedMeetings >= rules.meetingCap()) {
            throw new MeetingCapReached(rules.meetingCap());
        }
        apply(new SessionHeld(requestId, command.sessionId(), supporterId, command.heldOn(),
                command.durationMinutes(), command.mode(), sessionIds.size() + 1,
                counts ? countedMeetings + 1 : countedMeetings));
    }

    @CommandHandler
    void handle(CloseCycle command) {
        requireOpen();
        switch (stage) {
            case AWAITING_MATCH, MATCHING -> throw new CycleNotStarted(requestId);
            case CLOSED -> throw new CycleAlreadyClosed(requestId);
            default -> { }
        }
        apply(new CycleClosed(requestId, ruleBook.programmeId(), matchId, supporterId, headSubject,
                command.closedOn(), sessionIds.size(), ruleBook.rules().feedbackExpected()));
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
        stage = Stage.IN_CYCLE;
        matchId = event.matchId();
        supporterId = event.supporterId();
        startedOn = event.startedOn();
        reviewDue = event.reviewDue();
    }

    @EventSourcingHandler
    void on(SessionHeld event) {
        sessionIds.add(event.sessionId());
        countedMeetings = event.countedMeetings();
    }

    @EventSourcingHandler
    void on(CycleClosed event) {
        stage = Stage.CLOSED;
    }
}

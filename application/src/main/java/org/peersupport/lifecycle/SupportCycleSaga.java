package org.peersupport.lifecycle;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.end;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.peersupport.feedback.api.RequestFeedback;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchExpired;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.programme.RuleBooks;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.ReopenMatching;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.StartCycle;
import org.peersupport.supporter.api.ReleaseCapacity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One match, from profiles shared or proposal to the end of its cycle, across modules: an accepted
 * match starts the request's cycle; a declined match reopens the request for another match and
 * gives the supporter's place back, as do a withdrawn request and a closed cycle; a closed cycle
 * asks the head for feedback where the programme expects it.
 * Every command it sends is idempotent, so an event handled twice after a crash changes nothing,
 * and committed before the saga moves on ({@link CommittedCommands}), so a crash cannot skip one.
 * Registered with Axon by {@link SupportCycleSagaRegistration}.
 */
@ProcessingGroup(SupportCycleSaga.GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SupportCycleSaga {

    static final String GROUP = "support-cycle";

    private String matchId;
    private String requestId;
    private String supporterId;

    // Sagas are created by Axon, not Spring: resources arrive through these setters.
    private transient CommittedCommands commands;
    private transient RuleBooks ruleBooks;

    @StartSaga
    @SagaEventHandler(associationProperty = "matchId")
    void on(ProfilesShared event) {
        matchId = event.matchId();
        requestId = event.requestId();
        associateWith("requestId", requestId);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "matchId")
    void on(MatchProposed event) {
        matchId = event.matchId();
        requestId = event.requestId();
        supporterId = event.supporterId();
        associateWith("requestId", requestId);
    }

    @SagaEventHandler(associationProperty = "matchId")
    void on(MatchAccepted event) {
        commands.sendAndWait(new StartCycle(requestId, matchId, supporterId, event.acceptedOn()));
    }

    @SagaEventHandler(associationProperty = "matchId")
    void on(MatchDeclined event) {
        releasePlace();
        commands.sendAndWait(new ReopenMatching(requestId, matchId));
        end();
    }

    /** No answer within the response window: as with a decline, the place is given back and the request reopened. */
    @SagaEventHandler(associationProperty = "matchId")
    void on(MatchExpired event) {
        releasePlace();
        commands.sendAndWait(new ReopenMatching(requestId, matchId));
        end();
    }

    /** Seed 002: the relationship ended without blame; the place is given back for a re-match. */
    @SagaEventHandler(associationProperty = "matchId")
    void on(MatchEnded event) {
        releasePlace();
        end();
    }

    @SagaEventHandler(associationProperty = "requestId")
    void on(RequestWithdrawn event) {
        releasePlace();
        end();
    }

    @SagaEventHandler(associationProperty = "requestId")
    void on(CycleClosed event) {
        if (!matchId.equals(event.matchId())) {
            return; // an earlier, declined match of the same request
        }
        releasePlace();
        if (event.feedbackExpected()) {
            Integer remindEveryDays = ruleBooks.current(event.programmeId()).rules().feedbackReminderDays();
            commands.sendAndWait(new RequestFeedback(feedbackIdFor(requestId), requestId, event.programmeId(),
                    supporterId, event.headSubject(), event.closedOn(), remindEveryDays));
        }
        end();
    }

    private void releasePlace() {
        if (supporterId != null) {
            commands.sendAndWait(new ReleaseCapacity(supporterId, matchId));
        }
    }

    /** One feedback request per cycle, so its identifier derives from the request's. */
    public static String feedbackIdFor(String requestId) {
        return "feedback-" + requestId;
    }

    @Autowired
    void setCommands(CommandGateway commands) {
        this.commands = new CommittedCommands(commands);
    }

    @Autowired
    void setRuleBooks(RuleBooks ruleBooks) {
        this.ruleBooks = ruleBooks;
    }
}

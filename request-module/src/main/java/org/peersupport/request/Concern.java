package org.peersupport.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.request.api.AgreeConcernAction;
import org.peersupport.request.api.ConcernActionAgreed;
import org.peersupport.request.api.ConcernActionAlreadyAgreed;
import org.peersupport.request.api.ConcernKindNotHandled;
import org.peersupport.request.api.ConcernOpened;
import org.peersupport.request.api.ConcernRaised;
import org.peersupport.request.api.OpenConcern;
import org.peersupport.request.api.RaiseConcern;

/**
 * A safeguarding, whistleblowing or serious well-being concern raised within a cycle: the rare
 * exception to confidentiality (seeds 000, 002). Kept apart from the request so that nothing which
 * loads or shows a request ever touches it.
 */
@Aggregate(cache = Aggregates.CONCERN_CACHE)
class Concern {

    @AggregateIdentifier
    private String concernId;
    private String requestId;
    private String programmeId;
    private boolean actionAgreed;

    Concern() {
        // for Axon
    }

    @CommandHandler
    Concern(RaiseConcern command) {
        if (!command.ruleBook().rules().concernKinds().contains(command.kind())) {
            throw new ConcernKindNotHandled(command.kind());
        }
        apply(new ConcernRaised(command.concernId(), command.requestId(), command.ruleBook().programmeId(),
                command.kind(), command.account(), command.raisedOn()));
    }

    @CommandHandler
    void handle(OpenConcern command) {
        apply(new ConcernOpened(concernId, command.openedOn()));
    }

    @CommandHandler
    void handle(AgreeConcernAction command) {
        if (actionAgreed) {
            throw new ConcernActionAlreadyAgreed(concernId);
        }
        apply(new ConcernActionAgreed(concernId, requestId, programmeId, command.action(), command.agreedOn()));
    }

    @EventSourcingHandler
    void on(ConcernRaised event) {
        concernId = event.concernId();
        requestId = event.requestId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(ConcernActionAgreed event) {
        actionAgreed = true;
    }
}

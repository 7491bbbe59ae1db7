package org.peersupport.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.feedback.api.ConsentToShareFeedback;
import org.peersupport.feedback.api.FeedbackAlreadyGiven;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.FeedbackNotGiven;
import org.peersupport.feedback.api.FeedbackRequested;
import org.peersupport.feedback.api.FeedbackSharedWithSupporter;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.feedback.api.RatingOutOfRange;
import org.peersupport.feedback.api.RequestFeedback;

/**
 * A head's feedback on a closed cycle (seed 000's quality assurance). Sealed: it reaches the
 * supporter only after the head's recorded consent.
 */
@Aggregate
class Feedback {

    @AggregateIdentifier
    private String feedbackId;
    private String requestId;
    private String programmeId;
    private String supporterId;
    private boolean given;
    private boolean shared;

    Feedback() {
        // for Axon
    }

    @CommandHandler
    Feedback(RequestFeedback command) {
        apply(new FeedbackRequested(command.feedbackId(), command.requestId(), command.programmeId(),
                command.supporterId(), command.headSubject(), command.requestedOn()));
    }

    @CommandHandler
    void handle(GiveFeedback command) {
        if (given) {
            throw new FeedbackAlreadyGiven(feedbackId);
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new RatingOutOfRange(command.rating());
        }
        apply(new FeedbackGiven(feedbackId, requestId, programmeId, command.rating(), command.comment(),
                command.givenOn()));
    }

    @CommandHandler
    void handle(ConsentToShareFeedback command) {
        if (!given) {
            throw new FeedbackNotGiven(feedbackId);
        }
        if (!shared) {
            apply(new FeedbackSharedWithSupporter(feedbackId, requestId, supporterId, command.consentedOn()));
        }
    }

    @EventSourcingHandler
    void on(FeedbackRequested event) {
        feedbackId = event.feedbackId();
        requestId = event.requestId();
        programmeId = event.programmeId();
        supporterId = event.supporterId();
    }

    @EventSourcingHandler
    void on(FeedbackGiven event) {
        given = true;
    }

    @EventSourcingHandler
    void on(FeedbackSharedWithSupporter event) {
        shared = true;
    }
}

package org.peersupport.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.kernel.Days;
import org.peersupport.feedback.api.ConsentToShareFeedback;
import org.peersupport.feedback.api.FeedbackAlreadyGiven;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.FeedbackNotGiven;
import org.peersupport.feedback.api.FeedbackReminderDue;
import org.peersupport.feedback.api.FeedbackRequested;
import org.peersupport.feedback.api.FeedbackSharedWithSupporter;
import org.peersupport.feedback.api.GiveFeedback;
import org.peersupport.feedback.api.RatingOutOfRange;
import org.peersupport.feedback.api.RequestFeedback;

/**
 * A head's feedback on a closed cycle (seed 000's quality assurance). Sealed: it reaches the
 * supporter only after the head's recorded consent.
 */
@Aggregate(cache = Aggregates.FEEDBACK_CACHE)
class Feedback {

    @AggregateIdentifier
    private String feedbackId;
    private String requestId;
    private String programmeId;
    private String supporterId;
    private boolean given;
    private boolean shared;
    private Integer remindEveryDays;
    private int reminders;

    static final String REMINDER = "feedback-reminder";
    static final int MAX_REMINDERS = 3;

    Feedback() {
        // for Axon
    }

    /**
     * Asking again changes nothing: the saga asks once per closed cycle, and after a crash it may ask
     * a second time for a request already made. Refusing would fail the saga's whole batch.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestFeedback command, DeadlineManager deadlines) {
        if (feedbackId != null) {
            return;
        }
        apply(new FeedbackRequested(command.feedbackId(), command.requestId(), command.programmeId(),
                command.supporterId(), command.headSubject(), command.requestedOn(), command.remindEveryDays()));
        if (command.remindEveryDays() != null) {
            deadlines.schedule(Days.startOf(command.requestedOn().plusDays(command.remindEveryDays())), REMINDER);
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(DeadlineMessage<?> deadline, DeadlineManager deadlines) {
        if (given || reminders >= MAX_REMINDERS) {
            return;
        }
        LocalDate due = LocalDate.ofInstant(deadline.getTimestamp(), ZoneId.systemDefault());
        apply(new FeedbackReminderDue(feedbackId, requestId, reminders + 1, due));
        if (reminders < MAX_REMINDERS) {
            deadlines.schedule(Days.startOf(due.plusDays(remindEveryDays)), REMINDER);
        }
    }

    @CommandHandler
    void handle(GiveFeedback command, DeadlineManager deadlines) {
        if (given) {
            throw new FeedbackAlreadyGiven(feedbackId);
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new RatingOutOfRange(command.rating());
        }
        apply(new FeedbackGiven(feedbackId, requestId, programmeId, command.rating(), command.comment(),
                command.givenOn()));
        deadlines.cancelAllWithinScope(REMINDER);
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
        remindEveryDays = event.remindEveryDays();
    }

    @EventSourcingHandler
    void on(FeedbackReminderDue event) {
        reminders = event.number();
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

package org.peersupport.reporting;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.FeedbackReminderDue;
import org.peersupport.feedback.api.FeedbackRequested;
import org.peersupport.feedback.api.FeedbackSharedWithSupporter;
import org.peersupport.reporting.api.FeedbackListing;
import org.peersupport.reporting.api.FindFeedback;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Feedback requested and given, for the coordinator who chases and reads it. */
@Component
@ProcessingGroup(FeedbackLedger.GROUP)
class FeedbackLedger {

    static final String GROUP = "feedback-ledger";

    private final ReadModel<FeedbackListing> listings;

    FeedbackLedger(ReadModelCollections models) {
        this.listings = models.of(FeedbackListing.class, "feedback", FeedbackListing::feedbackId);
    }

    @EventHandler
    void on(FeedbackRequested event) {
        listings.put(new FeedbackListing(event.feedbackId(), event.requestId(), event.programmeId(), event.supporterId(),
                event.requestedOn(), null, null, null, false, null, 0));
    }

    @EventHandler
    void on(FeedbackGiven event) {
        listings.update(event.feedbackId(), f -> f.given(event.rating(), event.comment(), event.givenOn()));
    }

    @EventHandler
    void on(FeedbackReminderDue event) {
        listings.update(event.feedbackId(), f -> f.reminded(event.number()));
    }

    @EventHandler
    void on(FeedbackSharedWithSupporter event) {
        listings.update(event.feedbackId(), f -> f.shared(event.sharedOn()));
    }

    @ResetHandler
    void reset() {
        listings.drop();
    }

    @QueryHandler
    List<FeedbackListing> handle(FindFeedback q) {
        Criteria criteria = new Criteria();
        if (q.programmeId() != null) {
            criteria = criteria.and("programmeId").is(q.programmeId());
        }
        if (q.requestId() != null) {
            criteria = criteria.and("requestId").is(q.requestId());
        }
        return listings.find(new Query(criteria).with(Sort.by("requestedOn", "_id")));
    }
}

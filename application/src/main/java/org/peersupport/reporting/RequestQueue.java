package org.peersupport.reporting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchExpired;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.reporting.api.FindRequest;
import org.peersupport.reporting.api.FindRequests;
import org.peersupport.reporting.api.RequestListing;
import org.peersupport.reporting.api.RequestStage;
import org.peersupport.request.api.CadenceMissed;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleExtended;
import org.peersupport.request.api.CycleReviewDue;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SupportRequested;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The coordinator's queue of requests: state, age, next action. */
@Component
@ProcessingGroup(RequestQueue.GROUP)
class RequestQueue {

    static final String GROUP = "request-queue";

    private final ReadModel<RequestListing> listings;

    RequestQueue(ReadModelCollections models) {
        this.listings = models.of(RequestListing.class, "request_queue", RequestListing::requestId);
    }

    @EventHandler
    void on(SupportRequested event) {
        Requester r = event.requester();
        listings.put(new RequestListing(event.requestId(), event.ruleBook().programmeId(), event.ruleBook().version(),
                event.ruleBook().rules().matchingMode(), r.name(), r.schoolName(), r.role(), r.region(), r.phase(),
                event.areasOfNeed(), RequestStage.AWAITING_MATCH, event.requestedOn(), null, List.of(), null, null,
                null, Set.of(), null, null, null, Set.of(), false, 0, Set.of(), Set.of()));
    }

    @EventHandler
    void on(ProfilesShared event) {
        listings.update(event.requestId(), r -> r.profilesShared(event.matchId(), event.supporterIds()));
    }

    @EventHandler
    void on(MatchProposed event) {
        listings.update(event.requestId(), r -> r.proposed(event.matchId(), event.supporterId(), event.proposedOn()));
    }

    @EventHandler
    void on(MatchAccepted event) {
        listings.update(event.requestId(), r -> r.accepted(event.acceptedOn()));
    }

    @EventHandler
    void on(MatchDeclined event) {
        listings.update(event.requestId(), r -> r.declined(event.matchId()));
    }

    @EventHandler
    void on(MatchExpired event) {
        listings.update(event.requestId(), r -> r.declined(event.matchId()));
    }

    @EventHandler
    void on(CycleStarted event) {
        listings.update(event.requestId(), r -> r.cycleStarted(event.reviewDue()));
    }

    @EventHandler
    void on(SessionHeld event) {
        listings.update(event.requestId(), r -> r.sessionHeld(event.sessionId(), event.heldOn()));
    }

    @EventHandler
    void on(CycleReviewDue event) {
        listings.update(event.requestId(), RequestListing::reviewFellDue);
    }

    @EventHandler
    void on(CycleExtended event) {
        listings.update(event.requestId(), r -> r.extended(event.reviewDue()));
    }

    @EventHandler
    void on(CadenceMissed event) {
        listings.update(event.requestId(), r -> r.missedTerm(event.term()));
    }

    @EventHandler
    void on(MatchEnded event) {
        listings.update(event.requestId(), r -> r.matchEnded(event.matchId()));
    }

    @EventHandler
    void on(CycleClosed event) {
        listings.update(event.requestId(), r -> r.ended(RequestStage.CLOSED, event.closedOn()));
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        listings.update(event.requestId(), r -> r.ended(RequestStage.WITHDRAWN, event.withdrawnOn()));
    }

    @ResetHandler
    void reset() {
        listings.drop();
    }

    @QueryHandler
    List<RequestListing> handle(FindRequests q) {
        Criteria criteria = new Criteria();
        if (q.programmeId() != null) {
            criteria = criteria.and("programmeId").is(q.programmeId());
        }
        if (q.stage() != null) {
            criteria = criteria.and("stage").is(q.stage());
        }
        return listings.find(new Query(criteria).with(Sort.by("requestedOn", "_id")).skip(q.offset()).limit(q.limit()));
    }

    @QueryHandler
    Optional<RequestListing> handle(FindRequest q) {
        return listings.find(q.requestId());
    }
}

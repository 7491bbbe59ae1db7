package org.peersupport.reporting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.peersupport.reporting.api.FindSupporter;
import org.peersupport.reporting.api.FindSupporters;
import org.peersupport.reporting.api.SupporterListing;
import org.peersupport.reporting.api.SupporterStatus;
import org.peersupport.supporter.api.CapacityReleased;
import org.peersupport.supporter.api.CapacityReserved;
import org.peersupport.supporter.api.EligibilityEvidenceRecorded;
import org.peersupport.supporter.api.RecheckCleared;
import org.peersupport.supporter.api.SupervisionDue;
import org.peersupport.supporter.api.SupervisionHeld;
import org.peersupport.supporter.api.SupervisionScheduled;
import org.peersupport.supporter.api.SupporterFlaggedForRecheck;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterPaused;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The supporter directory: who can support, where, in what, and whether they have a place free. */
@Component
@ProcessingGroup(SupporterDirectory.GROUP)
class SupporterDirectory {

    static final String GROUP = "supporter-directory";

    private final ReadModel<SupporterListing> listings;

    SupporterDirectory(ReadModelCollections models) {
        this.listings = models.of(SupporterListing.class, "supporter_directory",
                SupporterListing::supporterId);
    }

    @EventHandler
    void on(SupporterRegistered event) {
        SupporterProfile p = event.profile();
        listings.put(new SupporterListing(event.supporterId(), event.programmeId(), p.name(), p.workEmail(),
                p.schoolName(), p.background(), p.region(), p.phase(), p.schoolTypes(), p.sizeBand(), p.areasHandled(),
                p.formerHead(), SupporterStatus.REGISTERED, event.capacity(), Set.of(), false, Set.of(),
                event.registeredOn(), null, null, false, Set.of()));
    }

    @EventHandler
    void on(EligibilityEvidenceRecorded event) {
        listings.update(event.supporterId(), s -> s.withEvidence(event.evidence().criterion()));
    }

    @EventHandler
    void on(SupporterApproved event) {
        listings.update(event.supporterId(), s -> s.approved(event.approvedOn()));
    }

    @EventHandler
    void on(SupporterPaused event) {
        listings.update(event.supporterId(), s -> s.withStatus(SupporterStatus.PAUSED));
    }

    @EventHandler
    void on(SupporterResumed event) {
        listings.update(event.supporterId(), s -> s.withStatus(SupporterStatus.APPROVED));
    }

    @EventHandler
    void on(SupporterWithdrew event) {
        listings.update(event.supporterId(), s -> s.withStatus(SupporterStatus.WITHDRAWN));
    }

    @EventHandler
    void on(CapacityReserved event) {
        listings.update(event.supporterId(), s -> s.withPlace(event.matchId(), true));
    }

    @EventHandler
    void on(CapacityReleased event) {
        listings.update(event.supporterId(), s -> s.withPlace(event.matchId(), false));
    }

    @EventHandler
    void on(SupervisionScheduled event) {
        listings.update(event.supporterId(), s -> s.withSupervision(event.dueOn(), false));
    }

    @EventHandler
    void on(SupervisionHeld event) {
        listings.update(event.supporterId(), s -> s.withSupervision(event.nextDue(), false));
    }

    @EventHandler
    void on(SupervisionDue event) {
        listings.update(event.supporterId(), s -> s.withSupervision(event.dueOn(), true));
    }

    @EventHandler
    void on(SupporterFlaggedForRecheck event) {
        listings.update(event.supporterId(), s -> s.withRecheck(event.criterion(), true));
    }

    @EventHandler
    void on(RecheckCleared event) {
        listings.update(event.supporterId(), s -> s.withRecheck(event.criterion(), false));
    }

    @ResetHandler
    void reset() {
        listings.drop();
    }

    @QueryHandler
    List<SupporterListing> handle(FindSupporters q) {
        Criteria criteria = new Criteria();
        if (q.programmeId() != null) {
            criteria = criteria.and("programmeId").is(q.programmeId());
        }
        if (q.region() != null) {
            criteria = criteria.and("region").is(q.region());
        }
        if (q.phase() != null) {
            criteria = criteria.and("phase").is(q.phase());
        }
        if (q.schoolType() != null) {
            criteria = criteria.and("schoolTypes").is(q.schoolType());
        }
        if (q.area() != null) {
            criteria = criteria.and("areasHandled").is(q.area());
        }
        if (q.status() != null) {
            criteria = criteria.and("status").is(q.status());
        }
        if (q.available() != null) {
            criteria = criteria.and("available").is(q.available());
        }
        return listings.find(new Query(criteria).with(Sort.by("_id")));
    }

    @QueryHandler
    Optional<SupporterListing> handle(FindSupporter q) {
        return listings.find(q.supporterId());
    }
}

package org.peersupport.supporter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.PersonalField;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.CapacityReleased;
import org.peersupport.supporter.api.CapacityReserved;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.EligibilityEvidenceRecorded;
import org.peersupport.supporter.api.EligibilityNotMet;
import org.peersupport.supporter.api.FormerHeadsNotAccepted;
import org.peersupport.supporter.api.NoCapacityLeft;
import org.peersupport.supporter.api.PauseSupporter;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.ReleaseCapacity;
import org.peersupport.supporter.api.ReserveCapacity;
import org.peersupport.supporter.api.ResumeSupporter;
import org.peersupport.supporter.api.SupporterAlreadyApproved;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterHasWithdrawn;
import org.peersupport.supporter.api.SupporterNotApproved;
import org.peersupport.supporter.api.SupporterNotAvailable;
import org.peersupport.supporter.api.SupporterNotPaused;
import org.peersupport.supporter.api.SupporterPaused;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.peersupport.supporter.api.WithdrawSupporter;

/**
 * A volunteer supporter: registration, eligibility evidence, approval, stepping back, and the
 * capacity ledger. The ledger is the race-proof part: every reservation goes through this
 * aggregate's optimistic lock, so two matches can never take the same last place.
 */
@Aggregate
class Supporter {

    enum Status { REGISTERED, APPROVED, PAUSED, WITHDRAWN }

    @AggregateIdentifier
    private String supporterId;
    private Status status;
    private boolean formerHead;
    private int capacity;
    private final Map<EligibilityCriterion, EligibilityEvidence> evidence = new EnumMap<>(EligibilityCriterion.class);
    private final Set<String> reservations = new HashSet<>();

    Supporter() {
        // for Axon
    }

    @CommandHandler
    Supporter(RegisterSupporter command) {
        ProgrammeRules rules = command.ruleBook().rules();
        SupporterProfile profile = command.profile();
        rules.requireRegion(profile.region());
        rules.requireAreas(profile.areasHandled());
        rules.requireCollected(PersonalField.NAME, profile.name());
        rules.requireCollected(PersonalField.WORK_EMAIL, profile.workEmail());
        rules.requireCollected(PersonalField.SCHOOL_NAME, profile.schoolName());
        rules.requireCollected(PersonalField.BACKGROUND, profile.background());
        if (profile.formerHead() && !rules.acceptsFormerHeads()) {
            throw new FormerHeadsNotAccepted();
        }
        int places = command.capacity() == null ? rules.supporterCapacity() : command.capacity();
        apply(new SupporterRegistered(command.supporterId(), command.ruleBook().programmeId(), profile, places,
                command.registeredOn()));
    }

    @CommandHandler
    void handle(RecordEligibilityEvidence command) {
        requireNotWithdrawn();
        apply(new EligibilityEvidenceRecorded(supporterId, command.evidence()));
    }

    @CommandHandler
    void handle(ApproveSupporter command) {
        requireNotWithdrawn();
        if (status != Status.REGISTERED) {
            throw new SupporterAlreadyApproved(supporterId);
        }
        ProgrammeRules rules = command.ruleBook().rules();
        if (formerHead && !rules.acceptsFormerHeads()) {
            throw new FormerHeadsNotAccepted();
        }
        for (EligibilityCriterion criterion : rules.supporterCriteria()) {
            EligibilityEvidence given = evidence.get(criterion);
            if (given == null) {
                throw new EligibilityNotMet(criterion, "no evidence recorded");
            }
            Eligibility.shortfall(given, rules, command.asOf()).ifPresent(reason -> {
                throw new EligibilityNotMet(criterion, reason);
            });
        }
        apply(new SupporterApproved(supporterId, command.ruleBook().programmeId(), command.ruleBook().version(),
                command.asOf()));
    }

    @CommandHandler
    void handle(PauseSupporter command) {
        requireNotWithdrawn();
        if (status == Status.REGISTERED) {
            throw new SupporterNotApproved(supporterId);
        }
        if (status == Status.APPROVED) {
            apply(new SupporterPaused(supporterId));
        }
    }

    @CommandHandler
    void handle(ResumeSupporter command) {
        requireNotWithdrawn();
        if (status != Status.PAUSED) {
            throw new SupporterNotPaused(supporterId);
        }
        apply(new SupporterResumed(supporterId));
    }

    @CommandHandler
    void handle(WithdrawSupporter command) {
        if (status != Status.WITHDRAWN) {
            apply(new SupporterWithdrew(supporterId));
        }
    }

    @CommandHandler
    void handle(ReserveCapacity command) {
        if (reservations.contains(command.matchId())) {
            return;
        }
        switch (status) {
            case REGISTERED -> throw new SupporterNotApproved(supporterId);
            case PAUSED -> throw new SupporterNotAvailable(supporterId);
            case WITHDRAWN -> throw new SupporterHasWithdrawn(supporterId);
            case APPROVED -> { }
        }
        if (reservations.size() >= capacity) {
            throw new NoCapacityLeft(supporterId);
        }
        apply(new CapacityReserved(supporterId, command.matchId(), reservations.size() + 1, capacity));
    }

    @CommandHandler
    void handle(ReleaseCapacity command) {
        if (reservations.contains(command.matchId())) {
            apply(new CapacityReleased(supporterId, command.matchId(), reservations.size() - 1, capacity));
        }
    }

    private void requireNotWithdrawn() {
        if (status == Status.WITHDRAWN) {
            throw new SupporterHasWithdrawn(supporterId);
        }
    }

    @EventSourcingHandler
    void on(SupporterRegistered event) {
        supporterId = event.supporterId();
        status = Status.REGISTERED;
        formerHead = event.profile().formerHead();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(EligibilityEvidenceRecorded event) {
        evidence.put(event.evidence().criterion(), event.evidence());
    }

    @EventSourcingHandler
    void on(SupporterApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(SupporterPaused event) {
        status = Status.PAUSED;
    }

    @EventSourcingHandler
    void on(SupporterResumed event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(SupporterWithdrew event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CapacityReserved event) {
        reservations.add(event.matchId());
    }

    @EventSourcingHandler
    void on(CapacityReleased event) {
        reservations.remove(event.matchId());
    }

}

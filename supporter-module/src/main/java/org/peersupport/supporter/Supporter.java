package org.peersupport.supporter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.kernel.Days;
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
import org.peersupport.supporter.api.RecheckCleared;
import org.peersupport.supporter.api.RecheckScheduled;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RecordSupervision;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.ReleaseCapacity;
import org.peersupport.supporter.api.ReserveCapacity;
import org.peersupport.supporter.api.ResumeSupporter;
import org.peersupport.supporter.api.SupervisionDue;
import org.peersupport.supporter.api.SupervisionHeld;
import org.peersupport.supporter.api.SupervisionScheduled;
import org.peersupport.supporter.api.SupporterAlreadyApproved;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterFlaggedForRecheck;
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
@Aggregate(cache = Aggregates.SUPPORTER_CACHE)
class Supporter {

    enum Status { REGISTERED, APPROVED, PAUSED, WITHDRAWN }

    @AggregateIdentifier
    private String supporterId;
    private Status status;
    private boolean formerHead;
    private int capacity;
    private final Map<EligibilityCriterion, EligibilityEvidence> evidence = new EnumMap<>(EligibilityCriterion.class);
    private final Set<String> reservations = new HashSet<>();
    private Integer supervisionEveryMonths;
    private Integer trainingValidForMonths;
    private final Set<EligibilityCriterion> flagged = EnumSet.noneOf(EligibilityCriterion.class);

    static final String SUPERVISION_DUE = "supervision-due";
    static final String TRAINING_RECHECK = "training-recheck";

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
    void handle(RecordEligibilityEvidence command, DeadlineManager deadlines) {
        requireNotWithdrawn();
        EligibilityEvidence evidence = command.evidence();
        apply(new EligibilityEvidenceRecorded(supporterId, evidence));
        if (status == Status.REGISTERED) {
            return; // judged at approval
        }
        // An approved supporter's fresh evidence is judged as it arrives: a new inspection below good
        // flags them for re-check; renewed training clears its flag and restarts the refresher clock.
        switch (evidence.criterion()) {
            case INSPECTION_JUDGEMENT -> flagUnless(evidence.judgement() != null && evidence.judgement().isGoodOrBetter(),
                    evidence);
            case TRAINING_COMPLETED -> {
                if (trainingValidForMonths != null && evidence.date() != null) {
                    flagUnless(true, evidence);
                    scheduleTrainingRecheck(evidence.date(), trainingValidForMonths, deadlines);
                }
            }
            default -> { }
        }
    }

    private void flagUnless(boolean satisfied, EligibilityEvidence evidence) {
        if (!satisfied && !flagged.contains(evidence.criterion())) {
            apply(new SupporterFlaggedForRecheck(supporterId, evidence.criterion(),
                    evidence.date() == null ? LocalDate.now() : evidence.date()));
        } else if (satisfied && flagged.contains(evidence.criterion())) {
            apply(new RecheckCleared(supporterId, evidence.criterion()));
        }
    }

    @CommandHandler
    void handle(ApproveSupporter command, DeadlineManager deadlines) {
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
        if (rules.supervisionEveryMonths() != null) {
            LocalDate due = command.asOf().plusMonths(rules.supervisionEveryMonths());
            apply(new SupervisionScheduled(supporterId, due, rules.supervisionEveryMonths()));
            schedule(deadlines, SUPERVISION_DUE, due);
        }
        EligibilityEvidence training = evidence.get(EligibilityCriterion.TRAINING_COMPLETED);
        if (training != null && training.date() != null && rules.trainingValidForMonths() != null
                && rules.supporterCriteria().contains(EligibilityCriterion.TRAINING_COMPLETED)) {
            scheduleTrainingRecheck(training.date(), rules.trainingValidForMonths(), deadlines);
        }
    }

    @CommandHandler
    void handle(RecordSupervision command, DeadlineManager deadlines) {
        requireNotWithdrawn();
        if (status == Status.REGISTERED) {
            throw new SupporterNotApproved(supporterId);
        }
        LocalDate next = supervisionEveryMonths == null ? null : command.heldOn().plusMonths(supervisionEveryMonths);
        apply(new SupervisionHeld(supporterId, command.kind(), command.heldOn(), next));
        schedule(deadlines, SUPERVISION_DUE, next);
    }

    @DeadlineHandler(deadlineName = SUPERVISION_DUE)
    void supervisionDue(DeadlineMessage<?> deadline) {
        if (status != Status.WITHDRAWN) {
            apply(new SupervisionDue(supporterId, LocalDate.ofInstant(deadline.getTimestamp(), ZoneId.systemDefault())));
        }
    }

    @DeadlineHandler(deadlineName = TRAINING_RECHECK)
    void trainingStale(DeadlineMessage<?> deadline) {
        if (status != Status.WITHDRAWN && !flagged.contains(EligibilityCriterion.TRAINING_COMPLETED)) {
            apply(new SupporterFlaggedForRecheck(supporterId, EligibilityCriterion.TRAINING_COMPLETED,
                    LocalDate.ofInstant(deadline.getTimestamp(), ZoneId.systemDefault())));
        }
    }

    private void scheduleTrainingRecheck(LocalDate trainedOn, int months, DeadlineManager deadlines) {
        LocalDate due = trainedOn.plusMonths(months);
        apply(new RecheckScheduled(supporterId, EligibilityCriterion.TRAINING_COMPLETED, due, months));
        schedule(deadlines, TRAINING_RECHECK, due);
    }

    private static void schedule(DeadlineManager deadlines, String name, LocalDate due) {
        deadlines.cancelAllWithinScope(name);
        if (due != null) {
            deadlines.schedule(Days.startOf(due), name);
        }
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
    void on(SupervisionScheduled event) {
        supervisionEveryMonths = event.everyMonths();
    }

    @EventSourcingHandler
    void on(RecheckScheduled event) {
        trainingValidForMonths = event.validForMonths();
    }

    @EventSourcingHandler
    void on(SupporterFlaggedForRecheck event) {
        flagged.add(event.criterion());
    }

    @EventSourcingHandler
    void on(RecheckCleared event) {
        flagged.remove(event.criterion());
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

package org.peersupport.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.kernel.Days;
import org.peersupport.privacy.api.ApplyRetention;
import org.peersupport.privacy.api.CarryOutErasure;
import org.peersupport.privacy.api.ErasureReason;
import org.peersupport.privacy.api.ErasureRequested;
import org.peersupport.privacy.api.RecordSubjectAccess;
import org.peersupport.privacy.api.RequestErasure;
import org.peersupport.privacy.api.RetentionPeriodEnded;
import org.peersupport.privacy.api.SubjectAccessProvided;
import org.peersupport.privacy.api.SubjectAlreadyErased;
import org.peersupport.privacy.api.SubjectErased;

/**
 * A person the data is about, and what they have asked for: access, erasure. Identified by the
 * same subject id that seals their personal data. Erasure is a fact recorded here; the key is
 * shredded by {@link KeyShredder} on that fact.
 */
@Aggregate(cache = Aggregates.DATA_SUBJECT_CACHE)
class DataSubject {

    static final String ERASURE_DUE = "erasure-due";

    @AggregateIdentifier
    private String subject;
    private boolean erasureRequested;
    private LocalDate erasureDue;
    private boolean erased;

    DataSubject() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestErasure command, DeadlineManager deadlines) {
        if (erased) {
            throw new SubjectAlreadyErased(command.subject());
        }
        if (erasureRequested) {
            return;
        }
        LocalDate due = command.requestedOn().plusMonths(1);
        apply(new ErasureRequested(command.subject(), command.requestedOn(), due));
        deadlines.schedule(Days.startOf(due), ERASURE_DUE);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CarryOutErasure command, DeadlineManager deadlines) {
        if (erased) {
            throw new SubjectAlreadyErased(command.subject());
        }
        apply(new SubjectErased(command.subject(), command.erasedOn(), ErasureReason.REQUESTED));
        deadlines.cancelAllWithinScope(ERASURE_DUE);
    }

    @DeadlineHandler(deadlineName = ERASURE_DUE)
    void erasureDue() {
        if (!erased) {
            apply(new SubjectErased(subject, erasureDue, ErasureReason.DEADLINE));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApplyRetention command) {
        if (erased) {
            return;
        }
        apply(new RetentionPeriodEnded(command.subject(), command.programmeId(), command.endedOn()));
        apply(new SubjectErased(command.subject(), command.endedOn(), ErasureReason.RETENTION));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSubjectAccess command) {
        apply(new SubjectAccessProvided(command.subject(), command.providedOn()));
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        subject = event.subject();
        erasureRequested = true;
        erasureDue = event.dueBy();
    }

    @EventSourcingHandler
    void on(SubjectErased event) {
        subject = event.subject();
        erased = true;
    }

    @EventSourcingHandler
    void on(SubjectAccessProvided event) {
        subject = event.subject();
    }

    @EventSourcingHandler
    void on(RetentionPeriodEnded event) {
        subject = event.subject();
    }
}

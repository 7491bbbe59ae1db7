package org.peersupport.privacy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.peersupport.privacy.api.SubjectErased;
import org.peersupport.reporting.ReadModel;
import org.peersupport.reporting.ReadModelCollections;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * When each person's involvement ended: a head's when their last open request closed or was
 * withdrawn, a supporter's when they withdrew. The retention job reads it; nothing personal is kept.
 */
@Component
@ProcessingGroup("retention")
class RetentionSchedule {

    static final String COLLECTION = "retention";

    /**
     * The entries, changed a batch at a time like the read models: each entry read at most once a
     * batch (those not in memory all in one query), and the batch's changes written together.
     * Writing each event's change straight away, and reading each new person's entry first to find
     * none, made this the costliest of the processors in the append's profile.
     */
    private final ReadModel<Entry> entries;

    RetentionSchedule(ReadModelCollections models) {
        this.entries = models.of(Entry.class, COLLECTION, Entry::subject);
    }

    record Entry(@Id String subject, String programmeId, Set<String> open, LocalDate endedOn, boolean erased) {

        Entry {
            open = Set.copyOf(open);
        }

        Entry opened(String what) {
            Set<String> now = new HashSet<>(open);
            now.add(what);
            return new Entry(subject, programmeId, now, null, erased);
        }

        Entry ended(String what, LocalDate on) {
            Set<String> now = new HashSet<>(open);
            now.remove(what);
            LocalDate last = endedOn == null || on.isAfter(endedOn) ? on : endedOn;
            return new Entry(subject, programmeId, now, now.isEmpty() ? last : null, erased);
        }

        /** The last day the data may be kept under the given period, or null while anything is open. */
        LocalDate keptUntil(int years) {
            return open.isEmpty() && endedOn != null ? endedOn.plusYears(years) : null;
        }
    }

    @EventHandler
    void on(SupportRequested e) {
        change(e.requester().subject(), e.ruleBook().programmeId(), entry -> entry.opened(e.requestId()));
    }

    @EventHandler
    void on(CycleClosed e) {
        change(e.headSubject(), e.programmeId(), entry -> entry.ended(e.requestId(), e.closedOn()));
    }

    @EventHandler
    void on(RequestWithdrawn e) {
        entries.writePending(); // the query below asks the store
        for (Entry entry : entries.find(Query.query(Criteria.where("open").is(e.requestId())))) {
            entries.put(entry.ended(e.requestId(), e.withdrawnOn()));
        }
    }

    @EventHandler
    void on(SupporterRegistered e) {
        change(supporter(e.supporterId()), e.programmeId(), entry -> entry.opened(e.supporterId()));
    }

    @EventHandler
    void on(SupporterWithdrew e, EventMessage<?> message) {
        LocalDate on = LocalDate.ofInstant(message.getTimestamp(), ZoneId.systemDefault());
        change(supporter(e.supporterId()), null, entry -> entry.ended(e.supporterId(), on));
    }

    @EventHandler
    void on(SupporterResumed e) {
        change(supporter(e.supporterId()), null, entry -> entry.opened(e.supporterId()));
    }

    @EventHandler
    void on(SubjectErased e) {
        change(e.subject(), null, entry -> new Entry(entry.subject(), entry.programmeId(), entry.open(),
                entry.endedOn(), true));
    }

    @ResetHandler
    void reset() {
        entries.drop();
    }

    /** Everyone with nothing open and not yet erased: candidates for the retention job. */
    List<Entry> ended() {
        return entries.find(Query.query(Criteria.where("erased").is(false).and("open").size(0)));
    }

    private static String supporter(String supporterId) {
        return "supporter:" + supporterId;
    }

    /** Changes the person's entry; one is started for them only where the programme is known. */
    private void change(String subject, String programmeId, UnaryOperator<Entry> transition) {
        entries.change(subject,
                () -> programmeId == null ? null : new Entry(subject, programmeId, Set.of(), null, false), transition);
    }
}

package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    private final MongoTemplate mongo;
    /**
     * The entries this process last wrote, where it is their only writer (the embedded default, as
     * for the read models: {@code peersupport.read-models.cache-size}); null elsewhere. Saves reading
     * an entry back for each event about its person.
     */
    private final Cache<String, Entry> written;

    RetentionSchedule(MongoTemplate mongo, @Value("${peersupport.read-models.cache-size:0}") int cacheSize) {
        this.mongo = mongo;
        this.written = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).<String, Entry>build() : null;
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
        Query ofRequest = Query.query(Criteria.where("open").is(e.requestId()));
        for (Entry entry : mongo.find(ofRequest, Entry.class, COLLECTION)) {
            save(entry.ended(e.requestId(), e.withdrawnOn()));
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
        forgetAll(); // first: if the drop fails part-way, what is left is read from the store
        mongo.dropCollection(COLLECTION);
    }

    /** Everyone with nothing open and not yet erased: candidates for the retention job. */
    List<Entry> ended() {
        return mongo.find(Query.query(Criteria.where("erased").is(false).and("open").size(0)), Entry.class,
                COLLECTION);
    }

    private static String supporter(String supporterId) {
        return "supporter:" + supporterId;
    }

    private void change(String subject, String programmeId, UnaryOperator<Entry> transition) {
        Entry current = written == null ? null : written.getIfPresent(subject);
        if (current == null) {
            current = mongo.findById(subject, Entry.class, COLLECTION);
        }
        if (current == null) {
            if (programmeId == null) {
                return;
            }
            current = new Entry(subject, programmeId, Set.of(), null, false);
        }
        save(transition.apply(current));
    }

    private void save(Entry entry) {
        try {
            mongo.save(entry, COLLECTION);
        } catch (RuntimeException e) {
            forgetAll(); // whether it was written is unknown: read it back next time
            throw e;
        }
        if (written != null) {
            written.put(entry.subject(), entry);
        }
    }

    private void forgetAll() {
        if (written != null) {
            written.invalidateAll();
        }
    }
}

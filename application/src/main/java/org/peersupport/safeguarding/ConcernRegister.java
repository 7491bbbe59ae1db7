package org.peersupport.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.peersupport.kernel.ConcernKind;
import org.peersupport.kernel.PersonalData;
import org.peersupport.request.api.ConcernActionAgreed;
import org.peersupport.request.api.ConcernOpened;
import org.peersupport.request.api.ConcernRaised;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The named contact's register of concerns: the only read model that holds a concern's account,
 * and it exists for the one role allowed to read it (SAFEGUARDING_LEAD, enforced in security).
 * The account and the agreed action stay sealed at rest like all personal text.
 */
@Component
@ProcessingGroup("concerns")
public class ConcernRegister {

    static final String COLLECTION = "concerns";

    private final MongoTemplate mongo;
    private final EventStore eventStore;

    ConcernRegister(MongoTemplate mongo, EventStore eventStore) {
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    public record Opening(LocalDate openedOn, String by, Instant at) {
    }

    public record Entry(@Id String concernId, String requestId, String programmeId, ConcernKind kind,
                        PersonalData account, LocalDate raisedOn, List<Opening> openings, PersonalData action,
                        LocalDate actionAgreedOn) {

        public Entry {
            openings = List.copyOf(openings);
        }

        public boolean open() {
            return actionAgreedOn == null;
        }

        Entry opened(Opening opening) {
            if (openings.contains(opening)) {
                return this;
            }
            List<Opening> more = new ArrayList<>(openings);
            more.add(opening);
            return new Entry(concernId, requestId, programmeId, kind, account, raisedOn, more, action,
                    actionAgreedOn);
        }

        Entry agreed(PersonalData agreedAction, LocalDate on) {
            return new Entry(concernId, requestId, programmeId, kind, account, raisedOn, openings, agreedAction, on);
        }
    }

    @EventHandler
    void on(ConcernRaised e) {
        mongo.save(raised(e), COLLECTION);
    }

    @EventHandler
    void on(ConcernOpened e, EventMessage<?> message) {
        update(e.concernId(), entry -> entry.opened(opening(e, message)));
    }

    @EventHandler
    void on(ConcernActionAgreed e) {
        update(e.concernId(), entry -> entry.agreed(e.action(), e.agreedOn()));
    }

    @ResetHandler
    void reset() {
        // Only if it is there: the embedded server logs dropping a missing one as an error.
        if (mongo.collectionExists(COLLECTION)) {
            mongo.dropCollection(COLLECTION);
        }
    }

    public List<Entry> list(String programmeId) {
        Query query = programmeId == null ? new Query() : Query.query(Criteria.where("programmeId").is(programmeId));
        return mongo.find(query.with(Sort.by("raisedOn", "_id")), Entry.class, COLLECTION);
    }

    /** The concern as its own history says now: never behind, unlike the list. */
    public Optional<Entry> current(String concernId) {
        Entry entry = null;
        DomainEventStream stream = eventStore.readEvents(concernId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            if (payload instanceof ConcernRaised raised) {
                entry = raised(raised);
            } else if (entry != null && payload instanceof ConcernOpened opened) {
                entry = entry.opened(opening(opened, event));
            } else if (entry != null && payload instanceof ConcernActionAgreed agreed) {
                entry = entry.agreed(agreed.action(), agreed.agreedOn());
            }
        }
        return Optional.ofNullable(entry);
    }

    private Optional<Entry> find(String concernId) {
        return Optional.ofNullable(mongo.findById(concernId, Entry.class, COLLECTION));
    }

    private static Entry raised(ConcernRaised e) {
        return new Entry(e.concernId(), e.requestId(), e.programmeId(), e.kind(), e.account(), e.raisedOn(),
                List.of(), null, null);
    }

    private static Opening opening(ConcernOpened e, EventMessage<?> message) {
        Object actor = message.getMetaData().get("actor");
        return new Opening(e.openedOn(), actor == null ? null : actor.toString(), message.getTimestamp());
    }

    private void update(String concernId, UnaryOperator<Entry> change) {
        find(concernId).ifPresent(entry -> mongo.save(change.apply(entry), COLLECTION));
    }
}

package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.peersupport.kernel.PersonalData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which records hold data about which person: every event is walked for personal values and
 * subject fields, so a new event type is indexed without anyone remembering to. Subject access
 * and erasure start here.
 */
@Component
@ProcessingGroup("subject-index")
public class SubjectIndex {

    static final String COLLECTION = "subject_index";

    private final MongoTemplate mongo;
    /**
     * Holdings this process has already added. A record's events name the same people again and
     * again (a support cycle's sixteen events, its head each time), and each added holding is a write
     * to the store: one per event and person, where one per record and person is enough. Holdings are
     * only ever added, or dropped all together by a reset, which forgets these too.
     */
    private final Cache<String, Boolean> added = Caffeine.newBuilder().maximumSize(50_000).build();

    SubjectIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A record (aggregate) that holds data about a subject. */
    public record Holding(String aggregateType, String aggregateId) {
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        for (String subject : subjectsIn(payload)) {
            String holding = subject + '\n' + event.getType() + '\n' + event.getAggregateIdentifier();
            if (added.getIfPresent(holding) != null) {
                continue;
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(subject)),
                    new Update().addToSet("holdings", new Document("aggregateType", event.getType())
                            .append("aggregateId", event.getAggregateIdentifier())),
                    COLLECTION);
            added.put(holding, Boolean.TRUE);
        }
    }

    @ResetHandler
    void reset() {
        added.invalidateAll(); // first: if the drop fails part-way, the holdings are added again
        mongo.dropCollection(COLLECTION);
    }

    public List<Holding> holdingsOf(String subject) {
        Document entry = mongo.findById(subject, Document.class, COLLECTION);
        List<Holding> holdings = new ArrayList<>();
        if (entry != null) {
            for (Document h : entry.getList("holdings", Document.class)) {
                holdings.add(new Holding(h.getString("aggregateType"), h.getString("aggregateId")));
            }
        }
        return holdings;
    }

    /** Every subject a payload mentions: in personal values, or named in subject fields. */
    static Set<String> subjectsIn(Object payload) {
        Set<String> subjects = new LinkedHashSet<>();
        collect(payload, subjects, 0);
        return subjects;
    }

    private static void collect(Object value, Set<String> subjects, int depth) {
        if (value == null || depth > 4) {
            return;
        }
        if (value instanceof PersonalData data) {
            subjects.add(data.subject());
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, subjects, depth + 1));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Object field = component.getAccessor().invoke(record);
                    if (field instanceof String text && component.getName().toLowerCase().endsWith("subject")) {
                        subjects.add(text);
                    } else {
                        collect(field, subjects, depth + 1);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component, e);
                }
            }
        }
    }
}

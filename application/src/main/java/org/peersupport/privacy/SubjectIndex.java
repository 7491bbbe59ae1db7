package org.peersupport.privacy;

import java.lang.reflect.Method;
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
import org.peersupport.kernel.PersonalData;
import org.peersupport.reporting.ReadModel;
import org.peersupport.reporting.ReadModelCollections;
import org.springframework.data.annotation.Id;
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

    /**
     * Each person's entry, changed a batch at a time like the read models: a record's events name
     * the same people again and again (a support cycle's sixteen events, its head each time), and a
     * holding already there changes nothing, so each entry is read at most once a batch and written
     * only when a holding is new to it.
     */
    private final ReadModel<Entry> entries;

    SubjectIndex(ReadModelCollections models) {
        this.entries = models.of(Entry.class, COLLECTION, Entry::subject);
    }

    /** A record (aggregate) that holds data about a subject. */
    public record Holding(String aggregateType, String aggregateId) {
    }

    /** The records holding data about one person, in the order they were first seen. */
    record Entry(@Id String subject, List<Holding> holdings) {

        Entry {
            holdings = List.copyOf(holdings);
        }

        /** This entry with the holding added; the same entry if it is already there. */
        Entry with(Holding holding) {
            if (holdings.contains(holding)) {
                return this;
            }
            List<Holding> more = new ArrayList<>(holdings);
            more.add(holding);
            return new Entry(subject, more);
        }
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        Holding holding = new Holding(event.getType(), event.getAggregateIdentifier());
        for (String subject : subjectsIn(payload)) {
            entries.change(subject, () -> new Entry(subject, List.of()), entry -> entry.with(holding));
        }
    }

    @ResetHandler
    void reset() {
        entries.drop();
    }

    public List<Holding> holdingsOf(String subject) {
        return entries.find(subject).map(Entry::holdings).orElse(List.of());
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
            for (Part part : PARTS.get(record.getClass())) {
                Object field = part.of(record);
                if (part.namesSubject() && field instanceof String text) {
                    subjects.add(text);
                } else {
                    collect(field, subjects, depth + 1);
                }
            }
        }
    }

    /** A record's component: how to read it, and whether its name says it holds a subject. */
    private record Part(Method accessor, boolean namesSubject) {

        Object of(Record record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            }
        }
    }

    /** Each record type's components, found once: every event is walked, and finding them each time showed in the profile. */
    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            List<Part> parts = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                parts.add(new Part(component.getAccessor(), component.getName().toLowerCase().endsWith("subject")));
            }
            return List.copyOf(parts);
        }
    };
}

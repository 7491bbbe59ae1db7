package org.peersupport.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.peersupport.kernel.PersonalData;
import org.springframework.stereotype.Component;

/**
 * A copy of everything held about a person (UK GDPR subject access): each record that mentions
 * them, with its whole history. Values about anybody else are withheld, so one person's export
 * never discloses another's data.
 */
@Component
public class SubjectAccess {

    public static final String OTHER_PERSON = "[withheld: about another person]";

    private final SubjectIndex index;
    private final EventStore eventStore;
    private final SubjectKeyStore keys;

    SubjectAccess(SubjectIndex index, EventStore eventStore, SubjectKeyStore keys) {
        this.index = index;
        this.eventStore = eventStore;
        this.keys = keys;
    }

    public record Export(String subject, LocalDate producedOn, boolean erased, List<Held> records) {
    }

    public record Held(String aggregateType, String aggregateId, List<Fact> history) {
    }

    public record Fact(long sequence, String type, Instant timestamp, String actor, Map<String, Object> data) {
    }

    public Export export(String subject, LocalDate on) {
        ObjectMapper mapper = mapperFor(subject);
        List<Held> records = new ArrayList<>();
        for (SubjectIndex.Holding holding : index.holdingsOf(subject)) {
            List<Fact> history = new ArrayList<>();
            DomainEventStream stream = eventStore.readEvents(holding.aggregateId());
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                Object actor = event.getMetaData().get("actor");
                @SuppressWarnings("unchecked")
                Map<String, Object> data = mapper.convertValue(event.getPayload(), Map.class);
                history.add(new Fact(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                        event.getTimestamp(), actor == null ? null : actor.toString(), data));
            }
            records.add(new Held(holding.aggregateType(), holding.aggregateId(), history));
        }
        return new Export(subject, on, !keys.exists(subject), records);
    }

    private static ObjectMapper mapperFor(String subject) {
        SimpleModule personal = new SimpleModule("subject-access");
        personal.addSerializer(PersonalData.class, new JsonSerializer<>() {
            @Override
            public void serialize(PersonalData value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeString(subject.equals(value.subject()) ? value.display() : OTHER_PERSON);
            }
        });
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(personal)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}

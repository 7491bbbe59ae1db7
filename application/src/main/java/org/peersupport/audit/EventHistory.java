package org.peersupport.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The event history in order, a page at a time: what happened, to which record, when, by whose
 * hand. Payloads are not included: they hold sealed personal data and belong to their modules.
 * The page's position is the store's global position, so a reader resumes where it stopped.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;

    EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public record Entry(long position, String type, String aggregateType, String aggregateId, Long sequence,
                        Instant timestamp, String actor) {
    }

    public List<Entry> page(long after, int limit) {
        List<Entry> entries = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(tokenAfter(after))) {
            while (entries.size() < limit && stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(-1);
                Object actor = event.getMetaData().get("actor");
                if (event instanceof DomainEventMessage<?> domain) {
                    entries.add(new Entry(position, event.getPayloadType().getSimpleName(), domain.getType(),
                            domain.getAggregateIdentifier(), domain.getSequenceNumber(), event.getTimestamp(),
                            actor == null ? null : actor.toString()));
                } else {
                    entries.add(new Entry(position, event.getPayloadType().getSimpleName(), null, null, null,
                            event.getTimestamp(), actor == null ? null : actor.toString()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return entries;
    }

    private TrackingToken tokenAfter(long after) {
        if (after < 0) {
            return null;
        }
        TrackingToken tail = eventStore.createTailToken();
        return tail instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(after, List.of())
                : new GlobalSequenceTrackingToken(after);
    }
}

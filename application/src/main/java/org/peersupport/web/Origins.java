package org.peersupport.web;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The event that created a record, read from its own stream: strongly consistent, so a command
 * sent a moment after the record was made never trips over a read model still catching up.
 */
@Component
class Origins {

    private final EventStore eventStore;

    Origins(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    <T> T of(String aggregateId, Class<T> creationEvent, String what) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        if (stream.hasNext() && creationEvent.isInstance(stream.peek().getPayload())) {
            return creationEvent.cast(stream.next().getPayload());
        }
        throw new NotFound(what);
    }
}

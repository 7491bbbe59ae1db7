package org.peersupport.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.programme.api.ProgrammeDefined;
import org.peersupport.programme.api.ProgrammeRulesChanged;
import org.peersupport.programme.api.UnknownProgramme;

class RuleBooksTest {

    private static final String PROGRAMME = "p-000";
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    /** Counts how often a programme's stream is read whole (not the last-sequence lookups, an index read in H2). */
    private static final class CountingStorage extends InMemoryEventStorageEngine {
        final AtomicInteger streamReads = new AtomicInteger();

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return super.readEvents(aggregateIdentifier, 0).asStream()
                    .map(DomainEventMessage::getSequenceNumber).max(Long::compareTo);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            streamReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }

    private final CountingStorage storage = new CountingStorage();
    private final EventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final RuleBooks ruleBooks = new RuleBooks(store);

    private void append(long sequence, Object event) {
        store.publish(new GenericDomainEventMessage<>("Programme", PROGRAMME, sequence, event));
    }

    @Test
    void anUnknownProgrammeIsRefusedByName() {
        assertThatThrownBy(() -> ruleBooks.current("no-such-programme")).isInstanceOf(UnknownProgramme.class);
    }

    @Test
    void theRulesAreReadOnceWhileTheProgrammeIsUnchanged() {
        append(0, new ProgrammeDefined(PROGRAMME, "Invented programme", 1,
                ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), DAY));
        int readsBefore = storage.streamReads.get();

        for (int i = 0; i < 5; i++) {
            assertThat(ruleBooks.current(PROGRAMME).version()).isEqualTo(1);
        }

        assertThat(storage.streamReads.get() - readsBefore).isEqualTo(1);
    }

    @Test
    void aRulesChangeIsSeenAtOnce() {
        append(0, new ProgrammeDefined(PROGRAMME, "Invented programme", 1,
                ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules(), DAY));
        assertThat(ruleBooks.current(PROGRAMME).rules())
                .isEqualTo(ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules());

        append(1, new ProgrammeRulesChanged(PROGRAMME, 2, ProgrammeTemplate.PASTORAL_ASSOCIATES.rules(), DAY));

        assertThat(ruleBooks.current(PROGRAMME).version()).isEqualTo(2);
        assertThat(ruleBooks.current(PROGRAMME).rules()).isEqualTo(ProgrammeTemplate.PASTORAL_ASSOCIATES.rules());
    }
}

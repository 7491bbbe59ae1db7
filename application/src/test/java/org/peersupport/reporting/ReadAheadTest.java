package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rebuild reads the store a batch or two ahead of its handlers, on a thread of its own. */
class ReadAheadTest {

    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private EmbeddedEventStore store;

    @AfterEach
    void stop() throws InterruptedException {
        store.shutDown();
        reader.shutdown();
        assertThat(reader.awaitTermination(5, TimeUnit.SECONDS)).as("the reading thread ended").isTrue();
    }

    private void storeOf(InMemoryEventStorageEngine engine, int events) {
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        store.publish(IntStream.range(0, events).mapToObj(i -> GenericEventMessage.asEventMessage("event-" + i))
                .toList());
    }

    @Test
    void everyEventComesInOrderInBatchesOfTheGivenSizeThenAnEmptyBatch() throws Exception {
        storeOf(new InMemoryEventStorageEngine(), 12);
        List<Integer> sizes = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        try (ReadModelRebuild.ReadAhead reading = new ReadModelRebuild.ReadAhead(store, 5, reader)) {
            for (List<TrackedEventMessage<?>> batch = reading.next(); !batch.isEmpty(); batch = reading.next()) {
                sizes.add(batch.size());
                batch.forEach(event -> payloads.add(event.getPayload()));
            }
        }
        assertThat(sizes).containsExactly(5, 5, 2);
        assertThat(payloads).containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> "event-" + i).toList());
    }

    @Test
    void aFailureToReadEndsTheBatchesAndIsThrownToTheHandlers() {
        storeOf(new FailingAt("event-7"), 12);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ReadModelRebuild.ReadAhead reading = new ReadModelRebuild.ReadAhead(store, 5, reader)) {
                assertThat(reading.next()).hasSize(5);
                assertThatThrownBy(reading::next).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reading the store failed")
                        .hasRootCauseMessage("disk gone at event-7");
            }
        });
    }

    @Test
    void closingBeforeTheEndStopsTheReaderThoughItWaitsToHandAnotherBatch() {
        storeOf(new InMemoryEventStorageEngine(), 100);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ReadModelRebuild.ReadAhead reading = new ReadModelRebuild.ReadAhead(store, 5, reader);
            assertThat(reading.next()).hasSize(5);
            Thread.sleep(200); // the reader has filled the queue and waits for room
            reading.close();
        });
    }

    /** A real in-memory store whose reading fails at one event, as a read of a broken file would. */
    private static final class FailingAt extends InMemoryEventStorageEngine {
        private final String payload;

        FailingAt(String payload) {
            this.payload = payload;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return super.readEvents(trackingToken, mayBlock).peek(event -> {
                if (payload.equals(event.getPayload())) {
                    throw new IllegalStateException("disk gone at " + payload);
                }
            });
        }
    }
}

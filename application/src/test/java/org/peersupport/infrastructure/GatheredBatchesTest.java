package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatheredBatchesTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void publishLater(String payload, long delayMs) {
        CompletableFuture.runAsync(() -> store.publish(GenericEventMessage.asEventMessage(payload)),
                CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS));
    }

    @Test
    void aBatchWaitsWithinItsWindowForTheNextEvent() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"));
        try (BlockingStream<TrackedEventMessage<?>> events =
                     GatheredBatches.of(store, Duration.ofSeconds(5), () -> true).openStream(null)) {
            assertThat(events.nextAvailable().getPayload()).isEqualTo("first");
            publishLater("second", 100);

            Optional<TrackedEventMessage<?>> next = events.peek();

            assertThat(next.map(m -> (Object) m.getPayload())).contains("second");
        }
    }

    @Test
    void withoutAWindowTheBatchEndsWithWhatIsThere() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"));
        try (BlockingStream<TrackedEventMessage<?>> events =
                     GatheredBatches.of(store, Duration.ZERO, () -> true).openStream(null)) {
            assertThat(events.nextAvailable().getPayload()).isEqualTo("first");
            publishLater("second", 100);

            assertThat(events.peek()).isEmpty();
        }
    }

    @Test
    void aWindowThatRunsOutEndsTheBatchAndTheNextEventOpensANewOne() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("first"));
        try (BlockingStream<TrackedEventMessage<?>> events =
                     GatheredBatches.of(store, Duration.ofMillis(50), () -> true).openStream(null)) {
            events.nextAvailable();
            long started = System.nanoTime();
            assertThat(events.peek()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(40));

            started = System.nanoTime();
            assertThat(events.peek()).as("no window open: answers at once").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(40));

            store.publish(GenericEventMessage.asEventMessage("second"));
            assertThat(events.nextAvailable().getPayload()).isEqualTo("second");
            publishLater("third", 10);
            assertThat(events.peek().map(m -> (Object) m.getPayload())).contains("third");
        }
    }

    @Test
    void aReaderThatStopsRunningStopsWaitingForTheNextEvent() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        try (BlockingStream<TrackedEventMessage<?>> events =
                     GatheredBatches.of(store, Duration.ofMillis(50), running::get).openStream(null)) {
            CompletableFuture.runAsync(() -> running.set(false),
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            long started = System.nanoTime();

            boolean available = events.hasNextAvailable(30, TimeUnit.SECONDS);

            assertThat(available).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRunningReaderStillWaitsTheWholeTimeoutForAnEventThatComesLate() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> events =
                     GatheredBatches.of(store, Duration.ZERO, () -> true).openStream(null)) {
            publishLater("late", 300);

            assertThat(events.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
            assertThat(events.nextAvailable().getPayload()).isEqualTo("late");
        }
    }
}

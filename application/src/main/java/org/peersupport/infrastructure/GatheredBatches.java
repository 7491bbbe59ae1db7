package org.peersupport.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a tracking processor sees it, with each batch given a moment to fill.
 *
 * <p>A tracking processor takes what is available and handles it as one batch: one read of each
 * document, one bulk write, one token stored. Live, events come a few at a time, so the batch is a
 * few events and those fixed costs are paid per event (the benchmark's profile: token writes,
 * document reads and writes and the read-model store's serialisation were most of the CPU). Here,
 * once a batch has taken its first event, asking whether another is ready waits up to the window
 * for one. A processor's read models and saga reactions lag by up to the window; nothing else
 * changes: the events, their order, and where the token stops are the store's own.
 */
final class GatheredBatches implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long windowNanos;

    GatheredBatches(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window) {
        this.store = store;
        this.windowNanos = window.toNanos();
    }

    /** The store itself when there is no window to wait. */
    static StreamableMessageSource<TrackedEventMessage<?>> of(StreamableMessageSource<TrackedEventMessage<?>> store,
                                                             Duration window) {
        return window.isZero() || window.isNegative() ? store : new GatheredBatches(store, window);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Gathering(store.openStream(trackingToken), windowNanos);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /**
     * A window opens when an event is taken with none open; while it is open, {@code peek} (how the
     * processor asks whether its batch can take one more) waits for the next event instead of
     * answering "none". It closes when it runs out.
     */
    static final class Gathering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final long windowNanos;
        private long windowEnds;
        private boolean windowOpen;

        Gathering(BlockingStream<TrackedEventMessage<?>> events, long windowNanos) {
            this.events = events;
            this.windowNanos = windowNanos;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            long now = System.nanoTime();
            if (!windowOpen || now - windowEnds > 0) {
                windowOpen = true;
                windowEnds = now + windowNanos;
            }
            return next;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> ready = events.peek();
            if (ready.isPresent() || !windowOpen) {
                return ready;
            }
            long remaining = windowEnds - System.nanoTime();
            try {
                if (remaining > 0 && events.hasNextAvailable((int) Math.min(remaining, Integer.MAX_VALUE),
                        TimeUnit.NANOSECONDS)) {
                    return events.peek();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            windowOpen = false;
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}

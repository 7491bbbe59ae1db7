package org.peersupport.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 *
 * <p>A processor with nothing to do waits for the next event up to a second at a time (Axon's event
 * availability timeout), and only between waits does it notice it was asked to stop: stopping the
 * read models for a rebuild or a replay took most of a second (the benchmark's rebuild line). Here
 * that wait is cut into short slices, and it ends early once the processor is no longer running.
 */
final class GatheredBatches implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** How often a waiting processor looks whether it is still running. */
    static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long windowNanos;
    private final BooleanSupplier running;

    private GatheredBatches(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window,
                            BooleanSupplier running) {
        this.store = store;
        this.windowNanos = Math.max(0, window.toNanos());
        this.running = running;
    }

    /**
     * The store as the processor whose state {@code running} tells should read it: batches given
     * {@code window} to fill (none if zero), waits ended once it stops running.
     */
    static GatheredBatches of(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window,
                              BooleanSupplier running) {
        return new GatheredBatches(store, window, running);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Gathering(store.openStream(trackingToken), windowNanos, running);
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
        private final BooleanSupplier running;
        private long windowEnds;
        private boolean windowOpen;

        Gathering(BlockingStream<TrackedEventMessage<?>> events, long windowNanos, BooleanSupplier running) {
            this.events = events;
            this.windowNanos = windowNanos;
            this.running = running;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            long now = System.nanoTime();
            if (windowNanos > 0 && (!windowOpen || now - windowEnds > 0)) {
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
            try {
                if (waitForNext(windowEnds - System.nanoTime())) {
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
            return waitForNext(unit.toNanos(timeout));
        }

        /** Waits up to {@code nanos} for an event, in slices, giving up early once the reader stops running. */
        private boolean waitForNext(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (events.hasNextAvailable((int) Math.max(0, Math.min(remaining, STOP_CHECK_NANOS)),
                        TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (remaining <= STOP_CHECK_NANOS || !running.getAsBoolean()) {
                    return false;
                }
            }
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

package org.peersupport.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds several read models in one pass over the history. Replaying each processor on its own
 * reads and deserialises the whole store once per read model; here the store is read once, ahead
 * of the handlers on a thread of its own, and every event is handed to each read model's
 * handlers, in large batches whose changes are written in one bulk write per collection.
 * Afterwards each processor resumes from the last event the pass handled, so events appended
 * meanwhile are handled as usual. If the pass fails, each processor is reset and replays on its
 * own instead, so a rebuild never leaves a read model half-built.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** The read models (processing groups) a full rebuild covers: never the saga or the privacy processes. */
    public static final List<String> READ_MODELS = List.of("programmes", "supporter-directory", "request-queue",
            "oversight", "feedback-ledger");

    /** Documents kept in memory across batches, written when they leave it: every supporter and recent request. */
    private static final int KEEP_RECENT = 20_000;

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;
    private final int batchSize;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> daemon(task, "writer"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> daemon(task, "reader"));

    ReadModelRebuild(EventProcessingConfiguration processing, EventStore events, TokenStore tokens,
                     @Value("${peersupport.processors.rebuild-batch-size:5000}") int batchSize) {
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.batchSize = batchSize;
    }

    /**
     * What a rebuild did: which read models, how many events, how long in all, and how long the
     * pass itself took (the rest is stopping the processors, about a second, and emptying the
     * collections).
     */
    public record Result(List<String> readModels, long events, long millis, long passMillis) {
    }

    /** Drops and rebuilds every read model in {@link #READ_MODELS}. Blocks until the pass is done. */
    public synchronized Result rebuildAll() {
        long started = System.nanoTime();
        List<TrackingEventProcessor> processors = READ_MODELS.stream()
                .map(name -> processing.eventProcessor(name, TrackingEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("no tracking processor " + name)))
                .toList();
        // Together: each waits for its worker to finish the batch in hand.
        CompletableFuture.allOf(processors.stream().map(TrackingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        long handled = 0;
        long passStarted = System.nanoTime();
        // Three threads: one reads and deserialises batches ahead (ReadAhead), this one handles
        // them, and one writes a batch while the next is handled (in order, at most one in flight).
        // Documents are written once they leave memory, and the rest at the end (RebuildScope).
        // (Writing a batch's collections side by side on four threads made no measurable
        // difference at 1M events: 21,974 against 21,508 events/s.)
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        try {
            List<EventHandlerInvoker> invokers = processors.stream()
                    .map(TrackingEventProcessor::eventHandlerInvoker).toList();
            invokers.forEach(EventHandlerInvoker::performReset);
            passStarted = System.nanoTime();
            TrackingToken last = null;
            ReadModel.RebuildScope scope = new ReadModel.RebuildScope(KEEP_RECENT);
            InvokersByType handlers = new InvokersByType(invokers);
            try (ReadAhead reading = new ReadAhead(events, batchSize, reader)) {
                for (List<TrackedEventMessage<?>> batch = reading.next(); !batch.isEmpty(); batch = reading.next()) {
                    List<Runnable> writes = handle(batch, handlers, scope);
                    written.join();
                    scope.previousWritten();
                    written = CompletableFuture.runAsync(() -> writes.forEach(Runnable::run), writer);
                    last = batch.get(batch.size() - 1).trackingToken();
                    handled += batch.size();
                }
            }
            written.join();
            scope.takeAll().run(); // what is still in memory, written last
            for (TrackingEventProcessor processor : processors) {
                resumeAt(processor.getName(), last);
            }
        } catch (Exception e) {
            log.warn("One-pass rebuild failed after {} events; each read model replays on its own instead",
                    handled, e);
            written.exceptionally(failure -> null).join();
            processors.forEach(TrackingEventProcessor::resetTokens);
        } finally {
            processors.forEach(TrackingEventProcessor::start);
        }
        long now = System.nanoTime();
        return new Result(READ_MODELS, handled, (now - started) / 1_000_000, (now - passStarted) / 1_000_000);
    }

    private static Thread daemon(Runnable task, String role) {
        Thread thread = new Thread(task, "read-model-rebuild-" + role);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Reads the store on a thread of its own, up to two batches ahead of the handlers, each event's
     * payload deserialised there: reading and deserialising is about two thirds of the pass's own
     * thread otherwise. A failure to read ends the batches and is thrown by {@link #next()}. Never
     * interrupted: an interrupt inside a file read closes H2's file channel.
     */
    static final class ReadAhead implements AutoCloseable {

        private static final List<TrackedEventMessage<?>> END = List.of();

        private final BlockingQueue<List<TrackedEventMessage<?>>> ready = new ArrayBlockingQueue<>(2);
        private final Future<?> reading;
        private volatile Throwable failure;
        private volatile boolean closed;

        ReadAhead(EventStore events, int batchSize, ExecutorService executor) {
            reading = executor.submit(() -> {
                try {
                    read(events, batchSize);
                } catch (Throwable e) {
                    failure = e;
                }
                hand(END);
                return null;
            });
        }

        private void read(EventStore events, int batchSize) throws InterruptedException {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                while (!closed && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    event.getPayload();
                    batch.add(event);
                    if (batch.size() == batchSize) {
                        hand(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    hand(batch);
                }
            }
        }

        /** Queues a batch for the handlers, unless they stopped taking them. */
        private void hand(List<TrackedEventMessage<?>> batch) throws InterruptedException {
            while (!closed && !ready.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                // the handlers are two batches behind: wait for them
            }
        }

        /** The next batch in order, or an empty list at the end of the store. */
        List<TrackedEventMessage<?>> next() throws InterruptedException {
            List<TrackedEventMessage<?>> batch = ready.take();
            if (batch == END && failure != null) {
                throw new IllegalStateException("reading the store failed", failure);
            }
            return batch;
        }

        /** Stops reading, if it has not ended, and waits for the store's stream to be closed. */
        @Override
        public void close() throws Exception {
            closed = true;
            reading.get();
        }
    }

    /**
     * The read models with a handler for each payload type, asked once per type, as Axon's own
     * processors decide which events to skip. Each invoker still picks its handlers for the event
     * (it asks canHandle itself: asking that first as well doubled the work).
     */
    static final class InvokersByType {
        private final List<EventHandlerInvoker> invokers;
        private final Map<Class<?>, List<EventHandlerInvoker>> byType = new HashMap<>();

        InvokersByType(List<EventHandlerInvoker> invokers) {
            this.invokers = invokers;
        }

        List<EventHandlerInvoker> handling(Class<?> payloadType) {
            return byType.computeIfAbsent(payloadType,
                    type -> invokers.stream().filter(invoker -> invoker.canHandleType(type)).toList());
        }
    }

    /** Handles a batch in every read model; returns the batch's writes, not yet run. */
    private static List<Runnable> handle(List<TrackedEventMessage<?>> batch, InvokersByType handlers,
                                         ReadModel.RebuildScope scope) throws Exception {
        List<Runnable> writes = new ArrayList<>();
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.resources().put(ReadModel.RebuildScope.RESOURCE, scope);
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            TrackedEventMessage<?> event = unitOfWork.getMessage();
            for (EventHandlerInvoker invoker : handlers.handling(event.getPayloadType())) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
            if (unitOfWork.isLastMessage()) {
                writes.addAll(ReadModelBatches.detachPending(unitOfWork));
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("read-model handler failed during rebuild", result.exceptionResult());
        }
        writes.add(scope.takeLeaving());
        return writes;
    }

    /** Stores the pass's position for every segment of the processor (segments are released on shutdown). */
    private void resumeAt(String processorName, TrackingToken last) {
        for (int segment : tokens.fetchSegments(processorName)) {
            tokens.storeToken(last, processorName, segment);
            tokens.releaseClaim(processorName, segment);
        }
    }
}

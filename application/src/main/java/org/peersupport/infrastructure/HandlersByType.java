package org.peersupport.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/**
 * A processor's event handlers, looked up once per payload type instead of three times per event.
 *
 * <p>For every event Axon asks whether the processor can handle it (the tracking processor), then
 * whether each handler component can (the invoker holding them, which also asks each whether it
 * supports a reset), and then each component finds its handler: three scans of every handler
 * method's parameters per event. A one-pass rebuild spent 13% of its handling thread in the first
 * two (docs/benchmarks.md). Here the components that have a handler for a payload type are found
 * once per type; an event goes straight to them, and each still picks its exact handler as before.
 *
 * <p>Only for the plain handler components of read models and processes ({@link SimpleEventHandlerInvoker}s):
 * a saga's invoker decides by association, not by type, and is left as it is.
 */
final class HandlersByType implements EventHandlerInvoker {

    private final List<EventHandlerInvoker> delegates;
    private final boolean[] handlesReplays;
    private final Map<Class<?>, int[]> byType = new ConcurrentHashMap<>();

    private HandlersByType(List<EventHandlerInvoker> delegates) {
        this.delegates = List.copyOf(delegates);
        this.handlesReplays = new boolean[delegates.size()];
        for (int i = 0; i < handlesReplays.length; i++) {
            // Fixed by the components' annotations, so asked once rather than for every event.
            handlesReplays[i] = delegates.get(i).supportsReset();
        }
    }

    /** The invoker indexed by payload type, or the invoker itself if it is not made of plain handler components. */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        List<EventHandlerInvoker> components = invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates() : List.of(invoker);
        boolean plain = components.stream().allMatch(SimpleEventHandlerInvoker.class::isInstance);
        return plain ? new HandlersByType(components) : invoker;
    }

    /** Positions of the components with a handler for the type (Axon's own answer, asked once). */
    private int[] componentsFor(Class<?> payloadType) {
        return byType.computeIfAbsent(payloadType, type -> {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < delegates.size(); i++) {
                if (delegates.get(i).canHandleType(type)) {
                    found.add(i);
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        boolean replay = ReplayToken.isReplay(event);
        for (int i : componentsFor(event.getPayloadType())) {
            if ((handlesReplays[i] || !replay) && (isWhole(segment) || delegates.get(i).canHandle(event, segment))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return componentsFor(payloadType).length > 0;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        boolean replay = ReplayToken.isReplay(event);
        for (int i : componentsFor(event.getPayloadType())) {
            if (handlesReplays[i] || !replay) {
                // The component still matches the event to its handler exactly, and does nothing if none fits.
                delegates.get(i).handle(event, segment);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        for (boolean replays : handlesReplays) {
            if (replays) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void performReset() {
        performReset(null);
    }

    @Override
    public <R> void performReset(R resetContext) {
        for (int i = 0; i < delegates.size(); i++) {
            if (handlesReplays[i]) {
                delegates.get(i).performReset(resetContext);
            }
        }
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegates.forEach(delegate -> delegate.segmentReleased(segment));
    }

    /** The single segment of a processor that is not split: every event belongs to it. */
    private static boolean isWhole(Segment segment) {
        return segment.getMask() == 0;
    }
}

package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.junit.jupiter.api.Test;

class HandlersByTypeTest {

    record Opened(String id) {
    }

    record Closed(String id) {
    }

    record Unhandled(String id) {
    }

    static class Ledger {
        final List<String> seen = new ArrayList<>();
        int resets;

        @EventHandler
        void on(Opened e) {
            seen.add("opened " + e.id());
        }

        @EventHandler
        void on(Closed e, @MetaDataValue(value = "reason", required = true) String reason) {
            seen.add("closed " + e.id() + " because " + reason);
        }

        @ResetHandler
        void reset() {
            resets++;
        }
    }

    @DisallowReplay
    static class Notifier {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(Opened e) {
            seen.add("notified " + e.id());
        }
    }

    private final Ledger ledger = new Ledger();
    private final Notifier notifier = new Notifier();
    private final EventHandlerInvoker invoker = HandlersByType.of(new MultiEventHandlerInvoker(
            SimpleEventHandlerInvoker.builder().eventHandlers(ledger).build(),
            SimpleEventHandlerInvoker.builder().eventHandlers(notifier).build()));

    private static EventMessage<?> event(Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>("Thing", "a", 0, payload, metaData);
    }

    @Test
    void anEventReachesEachComponentWithAHandlerForItsTypeOnce() throws Exception {
        EventMessage<?> opened = event(new Opened("a"), MetaData.emptyInstance());

        assertThat(invoker.canHandle(opened, Segment.ROOT_SEGMENT)).isTrue();
        invoker.handle(opened, Segment.ROOT_SEGMENT);

        assertThat(ledger.seen).containsExactly("opened a");
        assertThat(notifier.seen).containsExactly("notified a");
    }

    @Test
    void aTypeNoComponentHandlesIsNotTakenAndReachesNoOne() throws Exception {
        EventMessage<?> unhandled = event(new Unhandled("a"), MetaData.emptyInstance());

        assertThat(invoker.canHandle(unhandled, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(invoker.canHandleType(Unhandled.class)).isFalse();
        invoker.handle(unhandled, Segment.ROOT_SEGMENT);

        assertThat(ledger.seen).isEmpty();
        assertThat(notifier.seen).isEmpty();
    }

    @Test
    void eachComponentStillMatchesTheEventToItsHandlerExactly() throws Exception {
        invoker.handle(event(new Closed("a"), MetaData.emptyInstance()), Segment.ROOT_SEGMENT);
        invoker.handle(event(new Closed("b"), MetaData.with("reason", "ended")), Segment.ROOT_SEGMENT);

        assertThat(ledger.seen).containsExactly("closed b because ended");
    }

    @Test
    void aReplayReachesOnlyComponentsThatAllowOneAndOnlyTheyAreReset() throws Exception {
        EventMessage<?> replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(0)),
                event(new Opened("a"), MetaData.emptyInstance()));

        assertThat(ReplayToken.isReplay(replayed)).isTrue();
        invoker.handle(replayed, Segment.ROOT_SEGMENT);
        invoker.performReset();

        assertThat(ledger.seen).containsExactly("opened a");
        assertThat(notifier.seen).isEmpty();
        assertThat(ledger.resets).isEqualTo(1);
        assertThat(invoker.supportsReset()).isTrue();
    }

    @Test
    void aSplitProcessorStillAsksWhichSegmentAnEventBelongsTo() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        EventMessage<?> opened = event(new Opened("a"), MetaData.emptyInstance());

        long taking = Arrays.stream(halves).filter(half -> invoker.canHandle(opened, half)).count();

        assertThat(taking).isEqualTo(1);
    }

    @Test
    void anInvokerThatIsNotMadeOfPlainHandlerComponentsIsLeftAsItIs() {
        EventHandlerInvoker other = new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> message, Segment segment) {
            }
        };

        assertThat(HandlersByType.of(other)).isSameAs(other);
    }
}

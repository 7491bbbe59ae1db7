package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class InvokersByTypeTest {

    record Opened(String id) {
    }

    record Closed(String id) {
    }

    record Unrelated(String id) {
    }

    static final class OpenedOnly {
        @EventHandler
        void on(Opened event) {
        }
    }

    static final class OpenedAndClosed {
        @EventHandler
        void on(Opened event) {
        }

        @EventHandler
        void on(Closed event) {
        }
    }

    private static EventHandlerInvoker invoker(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
    }

    @Test
    void eachPayloadTypeGoesOnlyToTheReadModelsThatHandleIt() {
        EventHandlerInvoker openedOnly = invoker(new OpenedOnly());
        EventHandlerInvoker both = invoker(new OpenedAndClosed());
        var handlers = new ReadModelRebuild.InvokersByType(List.of(openedOnly, both));

        assertThat(handlers.handling(Opened.class)).containsExactly(openedOnly, both);
        assertThat(handlers.handling(Closed.class)).containsExactly(both);
        assertThat(handlers.handling(Unrelated.class)).isEmpty();
        assertThat(handlers.handling(Closed.class)).as("asked again").containsExactly(both);
    }
}

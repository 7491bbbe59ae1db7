package org.peersupport.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only tracking processor that counts how often each event is delivered. Static, so it
 * outlives an application restarted within the same JVM: a count above one is a double delivery.
 */
@Component
@ConditionalOnProperty(name = "peersupport.test.count-deliveries", havingValue = "true")
@ProcessingGroup("test-delivery-counter")
public class DeliveryCounter {

    public static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        DELIVERIES.merge(message.getIdentifier(), 1, Integer::sum);
    }
}

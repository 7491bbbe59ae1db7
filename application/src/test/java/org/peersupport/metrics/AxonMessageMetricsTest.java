package org.peersupport.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class AxonMessageMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AxonMessageMetrics metrics = new AxonMessageMetrics(new GlobalMetricRegistry(registry));

    record Invented(String id) {
    }

    @Test
    void aProcessorCountsAndReportsLagButKeepsNoCapacityWindow() {
        MessageMonitor<Message<?>> monitor = metrics.monitorFor(TrackingEventProcessor.class, "oversight");
        for (int i = 0; i < 1_000; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Invented("e" + i))).reportSuccess();
        }

        assertThat(names()).contains("eventProcessor.ingestedCounter", "eventProcessor.successCounter",
                        "eventProcessor.processedCounter", "eventProcessor.latency")
                .noneMatch(name -> name.contains("capacity"))
                .noneMatch(name -> name.contains("Timer"));
        assertThat(registry.get("eventProcessor.successCounter").tag("processorName", "oversight")
                .tag("payloadType", "Invented").counter().count()).isEqualTo(1_000);
    }

    record Other(String id) {
    }

    @Test
    void eachOutcomeIsCountedUnderItsOwnProcessorAndEventType() {
        MessageMonitor<Message<?>> monitor = metrics.monitorFor(TrackingEventProcessor.class, "oversight");
        for (int i = 0; i < 3; i++) {
            monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Invented("s" + i))).reportSuccess();
        }
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Invented("f")))
                .reportFailure(new IllegalStateException("invented failure"));
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Other("i"))).reportIgnored();

        assertThat(count("eventProcessor.ingestedCounter", "Invented")).isEqualTo(4);
        assertThat(count("eventProcessor.successCounter", "Invented")).isEqualTo(3);
        assertThat(count("eventProcessor.failureCounter", "Invented")).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", "Invented")).isEqualTo(4);
        assertThat(count("eventProcessor.ignoredCounter", "Other")).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", "Other")).isZero();
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tag("processorName", "oversight").tag("payloadType", payloadType).counter().count();
    }

    @Test
    void theCommandBusKeepsCountersAndTimersPerCommandTypeButNoCapacityWindow() {
        MessageMonitor<Message<?>> monitor = metrics.monitorFor(SimpleCommandBus.class, "commandBus");
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new Invented("c"))).reportSuccess();

        assertThat(names()).contains("commandBus.successCounter", "commandBus.successTimer")
                .noneMatch(name -> name.contains("capacity"));
        assertThat(registry.get("commandBus.successTimer").tag("payloadType", "Invented").timer().count())
                .isEqualTo(1);
    }

    @Test
    void commandTimersAreAxonsOwnMetersKeptOncePerCommandType() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry();
        List<MessageMonitor<Message<?>>> monitors = List.of(metrics.monitorFor(SimpleCommandBus.class, "commandBus"),
                MessageTimerMonitor.buildMonitor("commandBus", axons, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION));
        for (MessageMonitor<Message<?>> monitor : monitors) {
            for (int i = 0; i < 3; i++) {
                monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new Invented("s" + i))).reportSuccess();
            }
            monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new Other("f")))
                    .reportFailure(new IllegalStateException("invented failure"));
            monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new Other("i"))).reportIgnored();
        }

        assertThat(timers(registry)).isEqualTo(timers(axons)).containsEntry("commandBus.allTimer Invented", 3L)
                .containsEntry("commandBus.successTimer Invented", 3L).containsEntry("commandBus.allTimer Other", 2L)
                .containsEntry("commandBus.failureTimer Other", 1L).containsEntry("commandBus.ignoredTimer Other", 1L)
                .containsEntry("commandBus.successTimer Other", 0L);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "Invented").timer().takeSnapshot()
                .percentileValues()).extracting(ValueAtPercentile::percentile)
                .containsExactly(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
    }

    /** Every timer as "name payloadType" with its count. */
    private static Map<String, Long> timers(MeterRegistry meters) {
        return meters.getMeters().stream().filter(Timer.class::isInstance).map(Timer.class::cast).collect(
                Collectors.toMap(timer -> timer.getId().getName() + ' ' + timer.getId().getTag("payloadType"),
                        Timer::count));
    }

    @Test
    void otherComponentsAreNotMonitored() {
        MessageMonitor<Message<?>> monitor = metrics.monitorFor(String.class, "something");
        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new Invented("x"))).reportSuccess();

        assertThat(registry.getMeters()).isEmpty();
    }

    private Set<String> names() {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).collect(Collectors.toSet());
    }
}

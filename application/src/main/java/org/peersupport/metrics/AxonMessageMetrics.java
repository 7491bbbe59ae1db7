package org.peersupport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.stereotype.Component;

/**
 * Axon's message metrics with the names and tags its dimensional auto-configuration gives them
 * (counters and latency per processor, counters and timers per command and query type, counters
 * per event type on the event bus), <em>without</em> its capacity monitors and per-event timers.
 * <p>
 * A capacity monitor keeps every message's handling time of the last ten minutes in a sorted map,
 * one per processor and one for each bus. Under load that is the largest thing on the heap: after
 * 150,000 events the benchmark's heap held 1.85 million such entries (about 160 MB), growing until
 * ten minutes of traffic are held (the heap measured after a million events was 735 MB). A timer per
 * event handled also cost a meter lookup for each event in each processor. Processor lag and
 * counts say what operations need; command and query timers remain. Counters and timers are found
 * once per tag set ({@link MessageCounters}, {@link MessageTimers}).
 * <p>
 * Being a {@link MetricsConfigurerModule}, it replaces the one Axon's auto-configuration would add.
 */
@Component
class AxonMessageMetrics extends MetricsConfigurerModule {

    static final String EVENT_PROCESSOR = "eventProcessor";

    private final MeterRegistry meters;

    AxonMessageMetrics(GlobalMetricRegistry registry) {
        super(registry, true);
        this.meters = registry.getRegistry();
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitorFor);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    MessageMonitor<Message<?>> monitorFor(Class<?> componentType, String name) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> processor = message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name);
            Function<Message<?>, Iterable<Tag>> processorAndPayload = message -> Tags.of(
                    TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                    TagsUtil.PROCESSOR_NAME_TAG, name);
            return new MultiMessageMonitor<>(List.of(
                    (MessageMonitor) new MessageCounters(EVENT_PROCESSOR, meters, processorAndPayload),
                    (MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR)
                            .meterRegistry(meters).tagsBuilder(processor).build()));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)) {
            return new MultiMessageMonitor<>(List.of(
                    new MessageCounters(name, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                    new MessageTimers(name, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)));
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return new MessageCounters(name, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        }
        return NoOpMessageMonitor.instance();
    }
}

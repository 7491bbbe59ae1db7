package org.peersupport.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's message timers (all, success, failure, ignored), under the names, tags and percentiles of
 * its {@code MessageTimerMonitor}, with each tag set's four timers found once and kept. Axon's
 * monitor builds and looks up all four in the registry for every message: on the command bus, a
 * third of the command thread's time in metrics (the append's profile).
 */
final class MessageTimers implements MessageMonitor<Message<?>> {

    private static final Duration STATISTICS_EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final String prefix;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tagsOf;
    private final Map<Tags, Timers> known = new ConcurrentHashMap<>();

    MessageTimers(String prefix, MeterRegistry meters, Function<Message<?>, Iterable<Tag>> tagsOf) {
        this.prefix = prefix;
        this.meters = meters;
        this.clock = meters.config().clock();
        this.tagsOf = tagsOf;
    }

    private record Timers(Timer all, Timer success, Timer failure, Timer ignored) {
    }

    private Timers timers(Tags tags) {
        return new Timers(timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + '.' + name)
                .distributionStatisticExpiry(STATISTICS_EXPIRY)
                .publishPercentiles(PERCENTILES)
                .tags(tags)
                .register(meters);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Timers timers = known.computeIfAbsent(Tags.of(tagsOf.apply(message)), this::timers);
        long started = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(timers.success());
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(timers.failure());
            }

            @Override
            public void reportIgnored() {
                record(timers.ignored());
            }

            private void record(Timer outcome) {
                long took = clock.monotonicTime() - started;
                timers.all().record(took, TimeUnit.NANOSECONDS);
                outcome.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }
}

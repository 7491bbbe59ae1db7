package org.peersupport.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two commands on one record that commit at the same moment: the second finds the record's stream
 * moved on (optimistic locking, a {@link ConcurrencyException}) and is sent again, so the caller
 * sees it succeed or be refused on its merits, and only if it keeps losing the race, after a few
 * short randomised back-offs, a 409 "ConcurrentModification". Within one node Axon's aggregate
 * lock already serialises commands; the conflict arises between nodes sharing Axon Server (or a
 * store another writer appends to). Nothing else is retried: a refused rule is final, and a
 * command nested in another's unit of work is retried with the whole of it, never on its own.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetries {

    /**
     * Its executor is its own, not a bean: a {@link ScheduledExecutorService} bean would displace
     * Boot's task scheduler and run the application's {@code @Scheduled} jobs.
     */
    @Bean(destroyMethod = "shutdown")
    ConflictRetryScheduler conflictRetryScheduler(MeterRegistry registry,
            @Value("${peersupport.commands.conflict-retries:5}") int retries,
            @Value("${peersupport.commands.conflict-backoff-ms:20}") int backoffMillis) {
        AtomicInteger threads = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "command-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new ConflictRetryScheduler.Builder().executor(executor).maxRetryCount(retries)
                .backoffMillis(backoffMillis).registry(registry).build();
    }

    /** Replaces Axon's default gateway (which retries nothing) with one that retries lost races. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetryScheduler).build();
    }

    /** True when the failure, or anything that caused it, is a lost optimistic-locking race. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException && !(t instanceof ConflictingModificationException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Retries only conflicts, only of commands sent outside any other unit of work, after an
     * exponential back-off with jitter (so racing nodes do not collide again in step).
     */
    static final class ConflictRetryScheduler extends AbstractRetryScheduler {

        private final long backoffMillis;
        private final ScheduledExecutorService executor;
        private final Counter retried;
        private final Counter exhausted;

        private ConflictRetryScheduler(Builder builder) {
            super(builder);
            this.backoffMillis = builder.backoffMillis;
            this.executor = builder.executor;
            this.retried = Counter.builder("peersupport.command.conflicts.retried")
                    .description("Commands sent again after losing an optimistic-locking race")
                    .register(builder.registry);
            this.exhausted = Counter.builder("peersupport.command.conflicts.exhausted")
                    .description("Commands refused as ConcurrentModification after every retry lost the race")
                    .register(builder.registry);
        }

        @Override
        public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                     List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
            if (!isConflict(lastFailure) || CurrentUnitOfWork.isStarted()) {
                return false;
            }
            boolean scheduled = super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
            (scheduled ? retried : exhausted).increment();
            return scheduled;
        }

        /**
         * Lets retries already due run and finish first: interrupting one mid-append could close the
         * event store file's channel for every thread (as stopping the housekeeping once did).
         */
        void shutdown() throws InterruptedException {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }

        /**
         * Judges the failure as a whole: Axon's default looks at each cause on its own, and the
         * database's constraint violation beneath a {@link ConcurrencyException} is no conflict.
         */
        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !isConflict(failure);
        }

        @Override
        protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                            List<Class<? extends Throwable>[]> failures) {
            long ceiling = backoffMillis << Math.min(failures.size() - 1, 6);
            return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        }

        static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
            private long backoffMillis = 20;
            private MeterRegistry registry;
            private ScheduledExecutorService executor;

            Builder backoffMillis(long millis) {
                this.backoffMillis = Math.max(1, millis);
                return this;
            }

            Builder registry(MeterRegistry registry) {
                this.registry = registry;
                return this;
            }

            /** Where retries wait and run; shut down with the scheduler. */
            Builder executor(ScheduledExecutorService executor) {
                this.executor = executor;
                return retryExecutor(executor);
            }

            ConflictRetryScheduler build() {
                validate();
                return new ConflictRetryScheduler(this);
            }
        }
    }
}

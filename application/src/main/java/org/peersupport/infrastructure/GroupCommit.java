package org.peersupport.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.peersupport.infrastructure.FileDurableTransactions.FileWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Commands that arrive together are stored together: one transaction and one durable write of the
 * event store for the group, instead of one per command.
 *
 * <p>Much of a command's cost on the embedded default is its commit: the database's commit and
 * writing the file before the command is acknowledged (in groups of about thirteen the command path
 * cost 38% less CPU per event, docs/benchmarks.md). Here one thread handles the commands;
 * those that queued while it handled the last group form the next. Each runs in its own unit of
 * work, nested in the group's (as {@code MatchingProcess} nests its steps), so each is decided,
 * locked and correlated as if alone; their events are appended when the group commits, and no
 * caller hears back until then: an acknowledged command is in the file, as before.
 *
 * <p>A group is all or nothing. If any command in it is refused or fails, or the group fails before
 * its events are appended, it is rolled back and each of its commands is run again on its own, so a
 * refusal or a lost race reaches only its own caller, with its own answer. (Command metrics then
 * count such a group's commands twice: the handling that was rolled back, and the one that
 * answered.) If the commit itself fails once the events are appended, whether they reached the
 * file is unknown: nothing is run again, and every caller in the group hears of the failure.
 *
 * <p>Commands sent inside a unit of work (a process's steps, a saga's reactions, a retry from a
 * handler) are run at once on the caller's thread, nested in its unit of work, as Axon always does:
 * waiting for this thread from inside its own group would never end.
 */
final class GroupCommit implements CommandBus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final String THREAD_NAME = "command-group-commit";

    private final CommandBus commands;
    private final TransactionManager transactions;
    /** Writes the event store's file after a group commits; null where there is no such file. */
    private final FileWrites writes;
    private final int maxCommands;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final DistributionSummary groupSizes;
    private final Counter rerunAlone;
    private volatile boolean closed;

    GroupCommit(CommandBus commands, TransactionManager transactions, FileWrites writes, int maxCommands,
                MeterRegistry registry) {
        this.commands = commands;
        this.transactions = transactions;
        this.writes = writes;
        this.maxCommands = Math.max(1, maxCommands);
        this.groupSizes = DistributionSummary.builder("peersupport.commands.group.size")
                .description("Commands stored by one commit of the event store").register(registry);
        this.rerunAlone = Counter.builder("peersupport.commands.group.rerun")
                .description("Commands run again on their own because their group was rolled back")
                .register(registry);
        this.worker = new Thread(this::work, THREAD_NAME);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    private record Pending(CommandMessage<?> command, CommandCallback<Object, Object> callback) {
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (closed || CurrentUnitOfWork.isStarted() || Thread.currentThread() == worker) {
            commands.dispatch(command, callback);
            return;
        }
        Pending pending = new Pending(command, (CommandCallback<Object, Object>) callback);
        queue.add(pending);
        // Closed meanwhile: the worker may have gone, so the command runs here unless it took it.
        if (closed && queue.remove(pending)) {
            commands.dispatch(command, callback);
        }
    }

    private void work() {
        List<Pending> group = new ArrayList<>(maxCommands);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxCommands - 1);
                run(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Every path in run answers its commands; this keeps the worker alive for the next.
                log.error("A group of {} commands failed outside its handlers", group.size(), e);
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Runs the group in one transaction; answers each command only once the group is stored. A
     * command alone is a group of one, so its file write too is left to the writer and this thread
     * goes on (run on its own, it had held this thread for the write: 16% of its profile samples).
     */
    void run(List<Pending> group) {
        List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(THREAD_NAME));
        AtomicBoolean appended = new AtomicBoolean();
        boolean refused = false;
        try {
            unitOfWork.attachTransaction(transactions);
            for (Pending pending : group) {
                int before = results.size();
                commands.dispatch(pending.command(), (command, result) -> results.add(result));
                if (results.size() != before + 1 || results.get(before).isExceptional()) {
                    refused = true;
                    break;
                }
            }
            if (refused) {
                unitOfWork.rollback();
            } else {
                // The last step before the commit (prepare-commit steps run in the order given):
                // once it has run, every event was appended and only the commit itself can fail.
                unitOfWork.onPrepareCommit(u -> appended.set(true));
                commitLeavingWriteToWriter(unitOfWork);
            }
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            if (appended.get() && !(e instanceof UnexpectedRollbackException)) {
                // The commit itself failed: whether it reached the file is unknown, so nothing is
                // run again; each caller hears of the failure (a lost race is retried by the gateway).
                group.forEach(p -> answer(p, GenericCommandResultMessage.asCommandResultMessage(e)));
                return;
            }
            refused = true; // nothing was stored
        }
        if (refused && group.size() == 1 && results.size() == 1 && results.get(0).isExceptional()) {
            // Refused alone in its group: decided as if alone, so its answer stands (nothing was
            // stored). A group of one that failed at its commit is run again like any other.
            answer(group.get(0), results.get(0));
            groupSizes.record(1);
            return;
        }
        if (refused) {
            // Each command again on its own: a refusal or failure reaches only its own caller.
            rerunAlone.increment(group.size());
            group.forEach(this::runAlone);
            return;
        }
        if (writes == null) {
            answerStored(group, results, null);
        } else {
            // This thread goes on to the next group; the callers hear once the file has this one.
            List<Pending> stored = List.copyOf(group);
            writes.afterNextWrite(failure -> answerStored(stored, results, failure));
        }
    }

    /** Commits with the file's write left to the writer (answered through it), where there is one. */
    private void commitLeavingWriteToWriter(DefaultUnitOfWork<?> unitOfWork) {
        if (writes == null) {
            unitOfWork.commit();
            return;
        }
        FileWrites.LEFT_TO_CALLER.set(true);
        try {
            unitOfWork.commit();
        } finally {
            FileWrites.LEFT_TO_CALLER.set(false);
        }
    }

    /** Answers a committed group once it is in the file, or, if that write failed, with the failure. */
    private void answerStored(List<Pending> group, List<CommandResultMessage<?>> results, RuntimeException failure) {
        if (failure != null) {
            // Whether it reached the file is unknown: each caller hears of the failure, as for a failed commit.
            group.forEach(p -> answer(p, GenericCommandResultMessage.asCommandResultMessage(failure)));
            return;
        }
        groupSizes.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            answer(group.get(i), results.get(i));
        }
    }

    private void runAlone(Pending pending) {
        try {
            commands.dispatch(pending.command(), pending.callback());
        } catch (RuntimeException e) {
            answer(pending, GenericCommandResultMessage.asCommandResultMessage(e));
        }
        groupSizes.record(1);
    }

    /** Commands queued for the next group (for tests). */
    int waiting() {
        return queue.size();
    }

    private static void answer(Pending pending, CommandResultMessage<?> result) {
        try {
            pending.callback().onResult(pending.command(), result);
        } catch (RuntimeException e) {
            log.warn("A command's callback failed", e);
        }
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return commands.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return commands.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return commands.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** Stops taking commands into groups, and lets the commands already queued run first. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    /**
     * Puts group commit in front of the application's command bus (Axon's {@link SimpleCommandBus}
     * on the embedded default; the Axon Server profile leaves it off).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "peersupport.commands.group-commit.enabled", havingValue = "true")
    static class Wiring {

        @Bean
        static BeanPostProcessor groupCommit(ObjectProvider<TransactionManager> transactions,
                                             ObjectProvider<FileWrites> writes,
                                             ObjectProvider<MeterRegistry> registry,
                                             @Value("${peersupport.commands.group-commit.max-commands:64}") int max) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof SimpleCommandBus bus && "commandBus".equals(beanName)) {
                        return new GroupCommit(bus, transactions.getObject(), writes.getIfAvailable(), max,
                                registry.getIfAvailable(SimpleMeterRegistry::new));
                    }
                    return bean;
                }
            };
        }
    }
}

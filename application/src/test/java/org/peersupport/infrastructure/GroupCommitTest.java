package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on Axon's own command bus and units of work, over a store that keeps what a
 * transaction wrote only when it commits (as the database does): which commands share a commit,
 * when callers hear back, and what a refusal or a failed commit does to the rest of a group.
 */
class GroupCommitTest {

    /** Writes join the thread's outermost transaction, as Spring's do; a nested one only takes part. */
    static final class Store implements TransactionManager {
        final List<String> stored = new CopyOnWriteArrayList<>();
        final List<List<String>> commits = new CopyOnWriteArrayList<>();
        final ThreadLocal<List<String>> open = new ThreadLocal<>();
        volatile boolean failNextCommit;

        void write(String value) {
            open.get().add(value);
        }

        @Override
        public Transaction startTransaction() {
            if (open.get() != null) {
                return new Transaction() {
                    @Override
                    public void commit() {
                    }

                    @Override
                    public void rollback() {
                    }
                };
            }
            List<String> writes = new ArrayList<>();
            open.set(writes);
            return new Transaction() {
                @Override
                public void commit() {
                    open.remove();
                    if (failNextCommit) {
                        failNextCommit = false;
                        throw new IllegalStateException("disk full");
                    }
                    stored.addAll(writes);
                    commits.add(List.copyOf(writes));
                }

                @Override
                public void rollback() {
                    open.remove();
                }
            };
        }
    }

    final Store store = new Store();
    final SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(store).build();
    final List<String> handled = new CopyOnWriteArrayList<>();
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GroupCommit groups;

    @BeforeEach
    void setUp() {
        bus.subscribe(String.class.getName(), message -> {
            String value = (String) message.getPayload();
            handled.add(value);
            if (value.startsWith("refuse")) {
                throw new IllegalArgumentException("refused " + value);
            }
            if (value.equals("slow")) {
                slowEntered.countDown();
                releaseSlow.await(10, TimeUnit.SECONDS);
            }
            if (value.startsWith("outer")) {
                // A step sent from inside a handler, as MatchingProcess sends its steps.
                groups.dispatch(asCommandMessage("inner of " + value), (c, r) -> { });
            }
            store.write(value);
            return "done " + value;
        });
        groups = new GroupCommit(bus, store, null, 64, registry);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        releaseSlow.countDown();
        groups.destroy();
    }

    @Test
    void commandsThatQueueWhileAGroupRunsAreStoredByOneCommitAndAnsweredOnlyOnceStored() throws Exception {
        CompletableFuture<Object> slow = holdTheWorker();
        List<String> answeredBeforeStored = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String value = "queued " + i;
            queued.add(send(value, result -> {
                if (!store.stored.contains(value)) {
                    answeredBeforeStored.add(value);
                }
            }));
        }
        awaitQueued(5);

        releaseSlow.countDown();

        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("done slow");
        for (int i = 0; i < 5; i++) {
            assertThat(queued.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("done queued " + i);
        }
        assertThat(store.commits).containsExactly(List.of("slow"),
                List.of("queued 0", "queued 1", "queued 2", "queued 3", "queued 4"));
        assertThat(answeredBeforeStored).as("no caller hears back before its command is stored").isEmpty();
        assertThat(registry.summary("peersupport.commands.group.size").max()).isEqualTo(5.0);
    }

    @Test
    void aRefusalInAGroupReachesOnlyItsOwnCallerAndTheOthersAreStoredOnce() throws Exception {
        CompletableFuture<Object> slow = holdTheWorker();
        CompletableFuture<Object> first = send("first");
        CompletableFuture<Object> refused = send("refuse me");
        CompletableFuture<Object> last = send("last");
        awaitQueued(3);

        releaseSlow.countDown();

        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("done slow");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done first");
        assertThat(last.get(5, TimeUnit.SECONDS)).isEqualTo("done last");
        assertThat(refused).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .withMessageContaining("refused refuse me");
        assertThat(store.stored).containsExactly("slow", "first", "last");
        assertThat(registry.counter("peersupport.commands.group.rerun").count())
                .as("the group was rolled back and each command run again alone").isEqualTo(3.0);
    }

    @Test
    void aCommandAloneInItsGroupIsStoredByItsOwnCommitAndARefusedOneIsDecidedOnlyOnce() throws Exception {
        assertThat(send("alone").get(5, TimeUnit.SECONDS)).isEqualTo("done alone");
        assertThat(send("refuse alone")).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .withMessageContaining("refused refuse alone");

        assertThat(store.commits).containsExactly(List.of("alone"));
        assertThat(Collections.frequency(handled, "refuse alone")).as("its refusal is its answer: not run again")
                .isEqualTo(1);
        assertThat(registry.counter("peersupport.commands.group.rerun").count()).isZero();
        assertThat(registry.summary("peersupport.commands.group.size").count()).isEqualTo(2);
    }

    @Test
    void aCommitThatFailsAfterTheAppendIsNotRunAgainAndEveryCallerHearsOfIt() throws Exception {
        CompletableFuture<Object> slow = holdTheWorker();
        CompletableFuture<Object> one = send("one");
        CompletableFuture<Object> two = send("two");
        awaitQueued(2);
        slow.thenRun(() -> store.failNextCommit = true);

        releaseSlow.countDown();

        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("done slow");
        assertThat(one).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("disk full");
        assertThat(two).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("disk full");
        assertThat(Collections.frequency(handled, "one")).as("whether it was stored is unknown: never twice")
                .isEqualTo(1);
        assertThat(store.stored).containsExactly("slow");
    }

    @Test
    void aCommandSentFromInsideAHandlerRunsNestedInItsUnitOfWorkWithoutWaiting() throws Exception {
        assertThat(send("outer").get(5, TimeUnit.SECONDS)).isEqualTo("done outer");

        assertThat(store.commits).containsExactly(List.of("inner of outer", "outer"));
    }

    @Test
    void afterShutdownCommandsRunOnTheCallersThread() throws Exception {
        groups.destroy();
        List<String> threads = new CopyOnWriteArrayList<>();
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            threads.add(Thread.currentThread().getName());
            return chain.proceed();
        });

        assertThat(send("late").get(5, TimeUnit.SECONDS)).isEqualTo("done late");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    /** Sends a command that keeps the worker busy until released: what is sent meanwhile queues. */
    private CompletableFuture<Object> holdTheWorker() throws InterruptedException {
        CompletableFuture<Object> slow = send("slow");
        assertThat(slowEntered.await(5, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    private CompletableFuture<Object> send(String value) {
        return send(value, result -> { });
    }

    private CompletableFuture<Object> send(String value,
                                           Consumer<CommandResultMessage<?>> onAnswer) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        groups.dispatch(asCommandMessage(value), (command, result) -> {
            onAnswer.accept(result);
            if (result.isExceptional()) {
                answer.completeExceptionally(result.exceptionResult());
            } else {
                answer.complete(result.getPayload());
            }
        });
        return answer;
    }

    private void awaitQueued(int commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (groups.waiting() < commands && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(groups.waiting()).isEqualTo(commands);
    }
}

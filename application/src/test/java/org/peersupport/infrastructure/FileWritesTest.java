package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.infrastructure.FileDurableTransactions.FileWrites;

/**
 * Group commit's thread leaves the file's write to a writer and goes on; each caller hears back only
 * once what its group committed is in the file. The file is copied when a caller hears back, as a
 * killed process would leave it, and the copy is read.
 */
class FileWritesTest {

    @TempDir
    Path dir;
    private MVStore store;
    private MVMap<String, String> committed;
    private FileWrites writes;
    private final AtomicInteger copies = new AtomicInteger();

    @BeforeEach
    void open() {
        // Nothing reaches the file until a commit asks for it, as with the event store between writes.
        store = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).autoCommitDisabled().open();
        committed = store.openMap("committed");
        store.commit();
        writes = new FileWrites(store, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() throws InterruptedException {
        writes.destroy();
        store.close();
    }

    /** The values in a copy of the file taken now. */
    private List<String> inTheFileNow() {
        try {
            Path copy = dir.resolve("copy" + copies.incrementAndGet() + ".mv");
            Files.copy(dir.resolve("store.mv"), copy);
            MVStore reopened = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
            try {
                return new ArrayList<>(reopened.<String, String>openMap("committed").values());
            } finally {
                reopened.close();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whatWasCommittedBeforeTheWriteWasAskedForIsInTheFileWhenTheCallerHears() throws Exception {
        committed.put("a", "first");
        assertThat(inTheFileNow()).as("not written yet").isEmpty();
        CompletableFuture<List<String>> heard = new CompletableFuture<>();

        writes.afterNextWrite(failure -> heard.complete(failure == null ? inTheFileNow() : List.of("failed")));

        assertThat(heard.get(5, TimeUnit.SECONDS)).containsExactly("first");
    }

    @Test
    void aGroupsCallersHearBackOnlyOnceItIsInTheFile() throws Exception {
        // As the event store's transaction manager: H2 commits to memory, then the file is written
        // unless the thread leaves that to the writer. A nested transaction only takes part.
        ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);
        TransactionManager inMemory = () -> {
            boolean outermost = !open.get();
            open.set(true);
            return new Transaction() {
                @Override
                public void commit() {
                    if (outermost) {
                        open.set(false);
                        if (!FileWrites.LEFT_TO_CALLER.get()) {
                            writes.writeNow();
                        }
                    }
                }

                @Override
                public void rollback() {
                    if (outermost) {
                        open.set(false);
                    }
                }
            };
        };
        SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(inMemory).build();
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(String.class.getName(), message -> {
            if (message.getPayload().equals("hold")) {
                release.await(10, TimeUnit.SECONDS); // the others queue meanwhile, to form one group
            }
            committed.put((String) message.getPayload(), (String) message.getPayload());
            return "done";
        });
        GroupCommit groups = new GroupCommit(bus, inMemory, writes, 64, new SimpleMeterRegistry());
        try {
            groups.dispatch(asCommandMessage("hold"), (command, result) -> { });
            List<CompletableFuture<List<String>>> heard = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                CompletableFuture<List<String>> answer = new CompletableFuture<>();
                groups.dispatch(asCommandMessage("command " + i), (command, result) -> answer.complete(inTheFileNow()));
                heard.add(answer);
            }
            while (groups.waiting() < 20) {
                Thread.sleep(5);
            }
            release.countDown();
            for (int i = 0; i < 20; i++) {
                assertThat(heard.get(i).get(10, TimeUnit.SECONDS)).as("the file when command %d's caller heard", i)
                        .contains("command " + i);
            }
            assertThat(inTheFileNow()).hasSize(21);
        } finally {
            groups.destroy();
        }
    }
}

package org.peersupport.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Every transaction on the H2 database that changed something is in the file before its commit
 * returns, so a command is acknowledged only once its events would survive a kill -9 (the crash
 * harness's check).
 * <p>
 * H2 can do this itself ({@code WRITE_DELAY=0}), but then it runs no background writer, and
 * nothing frees or compacts the file's superseded chunks: under load the file grew without bound
 * (H2 issue #442). So H2 keeps its background writer, which does that housekeeping, and each
 * commit of a change here asks the store to write what is committed. Commits that arrive while one write is
 * under way are written together by the next: group commit.
 * <p>
 * Group commit's thread does not wait for its write ({@link FileWrites}): it commits a group, hands
 * the answers to its callers to the writer, and goes on to the next group while the file is written.
 */
@Configuration(proxyBeanMethods = false)
class FileDurableTransactions {

    @Bean
    FileWrites eventStoreFileWrites(DataSource dataSource, MeterRegistry registry) {
        return new FileWrites(H2Files.mvStore(dataSource), registry);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, FileWrites writes) {
        return new FileDurableTransactionManager(dataSource, writes);
    }

    static final class FileDurableTransactionManager extends JdbcTransactionManager {

        private final FileWrites writes;

        FileDurableTransactionManager(DataSource dataSource, FileWrites writes) {
            super(dataSource);
            this.writes = writes;
        }

        /**
         * A transaction that changed nothing has nothing to make durable, and is not made to write
         * what others committed: the processors' transactions only read, and their commits had been
         * three quarters of the file's writes (568 of 736 a second in an append), each rewriting the
         * pages the command thread had changed since the last.
         */
        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            boolean changed = changedAnything(status);
            super.doCommit(status);
            if (changed && !FileWrites.LEFT_TO_CALLER.get()) {
                writes.writeNow();
            }
        }

        /** Whether the transaction has changes to commit; true when that cannot be told. */
        private static boolean changedAnything(DefaultTransactionStatus status) {
            if (!(status.getTransaction() instanceof JdbcTransactionObjectSupport transaction)
                    || !transaction.hasConnectionHolder()) {
                return true;
            }
            try {
                Connection connection = transaction.getConnectionHolder().getConnection();
                return !connection.isWrapperFor(JdbcConnection.class)
                        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                        || session.hasPendingTransaction();
            } catch (SQLException e) {
                return true;
            }
        }
    }

    /**
     * Writes what is committed to the event store's file: now, on the caller's thread, or on a
     * thread of its own, telling the caller once it is done ({@link #afterNextWrite}). A write takes
     * every commit made before it began, so one write answers every commit handed over before it.
     */
    static final class FileWrites implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(FileWrites.class);
        /** Set by a thread whose commits are written through {@link #afterNextWrite} instead of at once. */
        static final ThreadLocal<Boolean> LEFT_TO_CALLER = ThreadLocal.withInitial(() -> false);

        private final MVStore store;
        /** Writes that put something in the file, by the writer thread and by committing threads. */
        private final Counter writtenByWriter;
        private final Counter writtenByCommitter;
        private final BlockingQueue<Consumer<RuntimeException>> waiting = new LinkedBlockingQueue<>();
        private final Thread writer;
        private volatile boolean closed;

        /** The store is found once, at start-up: a commit asking the pool for a connection could wait forever. */
        FileWrites(MVStore store, MeterRegistry registry) {
            this.store = store;
            this.writtenByWriter = writes(registry, "writer");
            this.writtenByCommitter = writes(registry, "committer");
            this.writer = new Thread(this::work, "event-store-file-writer");
            this.writer.setDaemon(true);
            this.writer.start();
        }

        private static Counter writes(MeterRegistry registry, String by) {
            return Counter.builder("peersupport.eventstore.file.writes")
                    .description("Writes of the event store's file that had something to write")
                    .tag("by", by).register(registry);
        }

        void writeNow() {
            if (store != null && !store.isClosed()) {
                long before = store.getCurrentVersion();
                if (store.commit() != before) {
                    (Thread.currentThread() == writer ? writtenByWriter : writtenByCommitter).increment();
                }
            }
        }

        /**
         * Once what is committed now is in the file, tells {@code then} (with null), or with the
         * failure if the write failed. The callers this answers hear nothing until then.
         */
        void afterNextWrite(Consumer<RuntimeException> then) {
            if (closed) {
                then.accept(write());
                return;
            }
            waiting.add(then);
            if (closed && waiting.remove(then)) { // closed meanwhile: the writer may be gone
                then.accept(write());
            }
        }

        private RuntimeException write() {
            try {
                writeNow();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        private void work() {
            List<Consumer<RuntimeException>> batch = new ArrayList<>();
            while (!closed || !waiting.isEmpty()) {
                try {
                    Consumer<RuntimeException> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    waiting.drainTo(batch);
                    RuntimeException failure = write();
                    for (Consumer<RuntimeException> then : batch) {
                        try {
                            then.accept(failure);
                        } catch (RuntimeException e) {
                            log.warn("An answer after a write of the event store failed", e);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    batch.clear();
                }
            }
        }

        /** Writes and answers what is still waiting, before the store is closed. */
        @Override
        public void destroy() throws InterruptedException {
            closed = true;
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}

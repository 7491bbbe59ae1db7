package org.peersupport.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Housekeeping for the embedded event store's H2 file. Every commit must reach the file before a
 * command is acknowledged ({@code WRITE_DELAY=0}, found by the crash harness), and with that
 * setting H2 runs no background thread, so nothing frees the space of superseded chunks: the
 * file grew by about a gigabyte a minute under the benchmark's load, without bound (H2 issue
 * #442: 3% of the chunks' bytes were live). This does what H2's background writer would: free
 * unused chunks and rewrite sparse ones, every few seconds, on its own thread. Superseded chunks
 * are still kept for H2's retention time (45 s, so that a power cut cannot leave the file
 * pointing at overwritten data). Under the benchmark's sustained load this slowed the growth to
 * about 150 MB a minute (5.5 GB after a million events) but did not stop it: see
 * docs/benchmarks.md.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStoreHousekeeping.class);
    private static final int REWRITE_BYTES_PER_ROUND = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private final long everyMillis;
    private final int targetFillRate;
    private ScheduledExecutorService executor;

    EventStoreHousekeeping(DataSource dataSource,
                           @Value("${peersupport.event-store.housekeeping-interval-ms:2000}") long everyMillis,
                           @Value("${peersupport.event-store.target-fill-rate:60}") int targetFillRate) {
        this.dataSource = dataSource;
        this.everyMillis = everyMillis;
        this.targetFillRate = targetFillRate;
    }

    @Override
    public void start() {
        MVStore store = everyMillis > 0 ? fileStore() : null;
        if (store == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "event-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> tidy(store), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void tidy(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.getFileStore().dropUnusedChunks();
                store.compact(targetFillRate, REWRITE_BYTES_PER_ROUND);
            }
        } catch (RuntimeException e) {
            log.warn("Event store housekeeping skipped a round: {}", e.getMessage());
        }
    }

    /** The H2 MVStore behind the datasource, or null when the store is not an H2 file. */
    private MVStore fileStore() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal session) || session.getDatabase().getStore() == null) {
                return null;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        } catch (SQLException e) {
            log.warn("Event store housekeeping not started: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}

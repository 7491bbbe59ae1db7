package org.peersupport.infrastructure;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Housekeeping for the embedded default's H2 files, the event store, the read-model store
 * (mongo-java-server's) and the subject keys ({@link FileKeyVault}), on its own thread every second.
 * <ul>
 * <li><b>Sync.</b> Each commit is written to the file before it returns
 * ({@link FileDurableTransactions}), which survives a killed process; syncing the file makes
 * everything older than a second survive a power cut too. (The read-model store is written by
 * H2 every second; the keys' file at each change.)</li>
 * <li><b>Shorter retention.</b> H2 keeps superseded chunks for 45 s by default, in case the disk
 * has not yet written the newer ones. Once the file is synced every interval, a retention of five
 * intervals is as safe (as long as a round takes under four); at the benchmark's load the 45 s of
 * chunks were most of the file (3.6 GB after 150,000 events; 678 MB with a 5 s retention).</li>
 * </ul>
 * Freeing unused chunks and rewriting sparse ones (until chunks are on average
 * {@code peersupport.embedded.compact-fill-rate} full) is left to H2's background writer, which does
 * both under the store's lock. This class did them too, from this thread and without that lock,
 * until a benchmark run in which a rebuild at 1M events failed with "Chunk ... not found" (a chunk
 * freed while still in use; the unlocked call is the likely cause). The rewriting also slowed the
 * rebuild from 21,597 to 13,907 events/s on a read-model file whose chunks were 28% full. At 150,000 events they had made no measurable
 * difference to the file's size (686 MB against 678 MB).
 */
@Component
@Profile("embedded")
class FileStoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileStoreHousekeeping.class);
    private static final int RETENTION_INTERVALS = 5;
    private static final int STOP_WAIT_SECONDS = 10;

    private final DataSource dataSource;
    private final MongoBackend readModelStore;
    private final ObjectProvider<FileKeyVault> keyVault;
    private final long everyMillis;
    private ScheduledExecutorService executor;

    FileStoreHousekeeping(DataSource dataSource, MongoBackend embeddedMongoBackend,
                          ObjectProvider<FileKeyVault> keyVault,
                          @Value("${peersupport.embedded.housekeeping-interval-ms:1000}") long everyMillis) {
        this.dataSource = dataSource;
        this.readModelStore = embeddedMongoBackend;
        this.keyVault = keyVault;
        this.everyMillis = everyMillis;
    }

    @Override
    public void start() {
        List<MVStore> stores = new ArrayList<>();
        if (everyMillis > 0) {
            Optional.ofNullable(H2Files.mvStore(dataSource)).ifPresent(stores::add);
            if (readModelStore instanceof H2Backend h2) {
                stores.add(h2.getMvStore());
            }
            keyVault.ifAvailable(vault -> {
                if (vault.store().getFileStore() != null) {
                    stores.add(vault.store());
                }
            });
        }
        if (stores.isEmpty()) {
            return;
        }
        stores.forEach(store ->
                store.setRetentionTime((int) Math.min(store.getRetentionTime(), RETENTION_INTERVALS * everyMillis)));
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "file-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> stores.forEach(this::tidy), everyMillis, everyMillis,
                TimeUnit.MILLISECONDS);
    }

    private void tidy(MVStore store) {
        try {
            if (!store.isClosed()) {
                store.sync();
            }
        } catch (RuntimeException e) {
            log.warn("File store housekeeping skipped a round: {}", e.getMessage());
        }
    }

    /**
     * Lets a round in progress finish rather than interrupting it: an interrupt that lands during a
     * sync closes the file's channel for every thread (Java's interruptible channels), which left the
     * read-model store closed under the processors still finishing their batches on every graceful
     * stop (found by the benchmark's cold starts).
     */
    @Override
    public void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("File store housekeeping still syncing after {} s; leaving it to finish", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}

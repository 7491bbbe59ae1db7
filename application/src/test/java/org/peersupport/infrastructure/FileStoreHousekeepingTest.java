package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.PeerSupportApplication;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both H2 files of the embedded default are looked after: short retention, synced, a larger cache for
 * read models, the configured compaction target, and never broken by stopping the housekeeping.
 */
class FileStoreHousekeepingTest {

    @TempDir
    Path dataDir;

    @Test
    void bothFilesKeepSupersededChunksFiveIntervalsInsteadOfFortyFiveSeconds() {
        try (ConfigurableApplicationContext app = startWithHousekeepingEvery(700)) {
            MVStore eventStore = H2Files.mvStore(app.getBean(DataSource.class));
            MVStore readModels = ((H2Backend) app.getBean(MongoBackend.class)).getMvStore();

            assertThat(eventStore.getRetentionTime()).as("event store").isEqualTo(3_500);
            assertThat(readModels.getRetentionTime()).as("read-model store").isEqualTo(3_500);
            assertThat(readModels.getCacheSize()).as("read-model page cache, MB").isEqualTo(128);
            assertThat(compactFillRate(eventStore)).as("event store's compaction target").isEqualTo(80);
            assertThat(compactFillRate(readModels)).as("read-model store's compaction target").isEqualTo(80);
        }
    }

    /** H2 keeps the target to itself (a protected getter): read it as the background writer does. */
    private static int compactFillRate(MVStore store) {
        try {
            java.lang.reflect.Method getter = org.h2.mvstore.FileStore.class.getDeclaredMethod("getAutoCompactFillRate");
            getter.setAccessible(true);
            return (int) getter.invoke(store.getFileStore());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReadModelFilesBackgroundWriterWaitsForTheApplicationToBeReady() throws Exception {
        MongoBackend opened = new EmbeddedMongoConfiguration()
                .embeddedMongoBackend(dataDir.resolve("opened.mv").toString(), 16, 90);
        try {
            assertThat(((H2Backend) opened).getMvStore().getAutoCommitDelay()).as("while starting").isZero();
        } finally {
            opened.close();
        }

        try (ConfigurableApplicationContext app = startWithHousekeepingEvery(1000)) {
            MVStore readModels = ((H2Backend) app.getBean(MongoBackend.class)).getMvStore();

            assertThat(readModels.getAutoCommitDelay()).as("once ready").isEqualTo(1000);
        }
    }

    @Test
    void turnedOffTheFilesKeepH2sRetention() {
        try (ConfigurableApplicationContext app = startWithHousekeepingEvery(0)) {
            MVStore eventStore = H2Files.mvStore(app.getBean(DataSource.class));

            assertThat(eventStore.getRetentionTime()).isEqualTo(45_000);
        }
    }

    @Test
    void stoppingNeverInterruptsASyncSoBothFilesStayOpenAndWritable() {
        try (ConfigurableApplicationContext app = startWithHousekeepingEvery(1)) {
            FileStoreHousekeeping housekeeping = app.getBean(FileStoreHousekeeping.class);
            MVStore eventStore = H2Files.mvStore(app.getBean(DataSource.class));
            MVStore readModels = ((H2Backend) app.getBean(MongoBackend.class)).getMvStore();
            MVMap<String, Integer> probe = readModels.openMap("housekeeping-probe");

            // A round every millisecond: each stop lands while a sync is running or about to.
            for (int round = 0; round < 200; round++) {
                housekeeping.start();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
                housekeeping.stop();

                probe.put("round", round);
                readModels.commit();
                eventStore.sync();
                assertThat(readModels.isClosed()).as("read-model store after stop %d", round).isFalse();
                assertThat(eventStore.isClosed()).as("event store after stop %d", round).isFalse();
            }
            assertThat(probe.get("round")).isEqualTo(199);
        }
    }

    private ConfigurableApplicationContext startWithHousekeepingEvery(long millis) {
        return new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0", "--spring.profiles.active=embedded", "--peersupport.data-dir=" + dataDir,
                "--peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT, "--peersupport.demo.enabled=false",
                "--peersupport.embedded.housekeeping-interval-ms=" + millis);
    }
}

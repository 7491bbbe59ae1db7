package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.privacy.KeyVault;
import org.peersupport.privacy.KeyVault.Entry;
import org.peersupport.privacy.KeyVaultContract;

/** The embedded default's keys in a file of their own: the vault's contract, and what a file adds. */
class FileKeyVaultTest extends KeyVaultContract {

    @TempDir
    Path dir;

    final List<AutoCloseable> open = new ArrayList<>();

    @Override
    protected KeyVault vault() {
        return opened(dir.resolve("subjectkeys-" + open.size() + ".mv"));
    }

    private FileKeyVault opened(Path file) {
        try {
            FileKeyVault vault = new FileKeyVault(file);
            open.add(vault);
            return vault;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aNewKeyAndATombstoneAreInTheFileWhenTheCallReturnsAsAKilledProcessWouldLeaveIt() throws IOException {
        Path file = dir.resolve("live.mv");
        FileKeyVault vault = opened(file);
        vault.putIfAbsent("head:a", "wrapped-a");
        vault.putIfAbsent("head:b", "wrapped-b");
        vault.tombstone("head:b");

        // Copied while still open, as a kill -9 would leave the file (H2's own writer waits a second).
        Path copy = dir.resolve("copy.mv");
        Files.copy(file, copy);
        FileKeyVault reopened = opened(copy);
        assertThat(reopened.get("head:a")).isEqualTo(Entry.key("wrapped-a"));
        assertThat(reopened.get("head:b")).isEqualTo(Entry.TOMBSTONE);
    }

    @Test
    void keysTheReadModelStoreHeldAreMovedHereAndTheirCollectionDroppedWithTombstonesWinning() throws IOException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase database = client.getDatabase("peersupport-keys");
            database.getCollection(KeyVault.MONGO_COLLECTION).insertMany(List.of(
                    new Document("_id", "head:kept").append("key", "old-kept").append("createdAt", "2026-01-01T00:00:00Z"),
                    new Document("_id", "head:erased-there").append("shreddedAt", "2026-02-01T00:00:00Z"),
                    new Document("_id", "head:erased-here").append("key", "old-erased-here"),
                    new Document("_id", "head:both").append("key", "old-both")));
            FileKeyVault vault = opened(dir.resolve("adopting.mv"));
            vault.putIfAbsent("head:erased-there", "new-erased-there");
            vault.tombstone("head:erased-here");
            vault.putIfAbsent("head:both", "new-both");

            vault.adopt(database, KeyVault.MONGO_COLLECTION);

            assertThat(vault.get("head:kept")).isEqualTo(Entry.key("old-kept"));
            assertThat(vault.get("head:erased-there")).as("a tombstone there wins").isEqualTo(Entry.TOMBSTONE);
            assertThat(vault.get("head:erased-here")).as("a tombstone here stays").isEqualTo(Entry.TOMBSTONE);
            assertThat(vault.get("head:both")).as("a key here stays").isEqualTo(Entry.key("new-both"));
            assertThat(database.listCollectionNames().into(new ArrayList<>()))
                    .as("no second copy left for a shred to miss").doesNotContain(KeyVault.MONGO_COLLECTION);

            vault.adopt(database, KeyVault.MONGO_COLLECTION); // the next start: nothing left to move
            assertThat(vault.get("head:kept")).isEqualTo(Entry.key("old-kept"));
        } finally {
            server.shutdown();
        }
    }
}

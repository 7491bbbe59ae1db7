package org.peersupport.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.peersupport.privacy.KeyVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/**
 * The embedded default's read-model store: mongo-java-server in this JVM, persisted to an H2 file
 * (or held in memory when no file is configured, as tests do), and the subject keys' own file.
 * Production replaces both with a real MongoDB through {@code spring.mongodb.uri}; nothing else
 * knows the difference.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
class EmbeddedMongoConfiguration {

    /** H2's default: the read-model file is committed about once a second. */
    static final int BACKGROUND_WRITE_MS = 1000;

    @Bean
    MongoBackend embeddedMongoBackend(@Value("${peersupport.embedded.mongo-file:}") String file,
                                      @Value("${peersupport.embedded.mongo-cache-mb:128}") int cacheMb,
                                      @Value("${peersupport.embedded.compact-fill-rate}") int fillRate)
            throws IOException {
        if (file.isBlank()) {
            return new MemoryBackend();
        }
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        // H2's default page cache is 16 MB; a rebuild writes every collection and index of a
        // store of a gigabyte or more (a million events), and slowed as they outgrew it.
        MVStore store = new MVStore.Builder().fileName(path.toString()).cacheSize(cacheMb)
                .autoCompactFillRate(fillRate).open();
        // H2's background writer starts by rewriting the sparse chunks a rebuild or a busy day left,
        // on the cores the start needs; it is held back until the application is ready.
        store.setAutoCommitDelay(0);
        return new ReadModelStoreBackend(store);
    }

    /** Hands the read-model file back to H2's background writer (commits each second, rewrites chunks). */
    @EventListener(ApplicationReadyEvent.class)
    void startReadModelStoreWriter(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getBean(MongoBackend.class) instanceof H2Backend h2) {
            h2.getMvStore().setAutoCommitDelay(BACKGROUND_WRITE_MS);
        }
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(MongoBackend embeddedMongoBackend) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /**
     * Subject keys in a file of their own ({@link FileKeyVault}), or in memory where no file is
     * configured (tests); keys an older store kept in the read-model store are moved there first.
     */
    @Bean(destroyMethod = "close")
    FileKeyVault embeddedKeyVault(@Value("${peersupport.embedded.keys-file:}") String file, MongoClient mongoClient,
                                  @Value("${peersupport.mongo.keys-database}") String keysDatabase) throws IOException {
        FileKeyVault vault = new FileKeyVault(file.isBlank() ? null : Path.of(file));
        vault.adopt(mongoClient.getDatabase(keysDatabase), KeyVault.MONGO_COLLECTION);
        return vault;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard");
    }
}

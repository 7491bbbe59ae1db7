package org.peersupport.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A MongoDB-protocol server in memory for each test, and a template on one of its databases. */
final class InMemoryMongo implements BeforeEachCallback, AfterEachCallback {

    private final String database;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;

    InMemoryMongo(String database) {
        this.database = database;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        template = new MongoTemplate(client, database);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    MongoTemplate template() {
        return template;
    }
}

package org.peersupport.infrastructure;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the read-model store by a plain {@code ping}, which the embedded server answers too
 * (Boot's own Mongo indicator asks for {@code hello} details it does not give; STACK.md gotcha 3).
 */
@Component("readModels")
class ReadModelStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadModelStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}

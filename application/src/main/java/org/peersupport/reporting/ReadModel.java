package org.peersupport.reporting;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** One read-model collection of immutable documents, changed only by replacing a document whole. */
final class ReadModel<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;

    ReadModel(MongoTemplate mongo, Class<T> type, String collection) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
    }

    void put(T document) {
        mongo.save(document, collection);
    }

    /** Applies a transition to the document if it exists (it may not, e.g. mid-replay of another group). */
    void update(String id, UnaryOperator<T> transition) {
        T current = mongo.findById(id, type, collection);
        if (current != null) {
            mongo.save(transition.apply(current), collection);
        }
    }

    Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }

    List<T> find(Query query) {
        return mongo.find(query, type, collection);
    }

    void drop() {
        mongo.dropCollection(collection);
    }
}

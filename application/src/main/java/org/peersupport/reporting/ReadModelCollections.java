package org.peersupport.reporting;

import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the read-model collections, each keeping up to {@code peersupport.read-models.cache-size}
 * of the documents it last wrote in memory. Only where this process is the collections' only
 * writer: on the embedded default there is one node by construction (the store's files are locked
 * to it). With several nodes sharing MongoDB (the Axon Server profile), a processor's segment can
 * move to another node and back, so the size there is 0 and every read asks the store.
 * <p>
 * Also used by the privacy module's own processes (retention, the subject index), whose collections
 * are kept the same way.
 */
@Component
public class ReadModelCollections {

    private final MongoTemplate mongo;
    private final int cacheSize;

    ReadModelCollections(MongoTemplate mongo, @Value("${peersupport.read-models.cache-size:0}") int cacheSize) {
        this.mongo = mongo;
        this.cacheSize = cacheSize;
    }

    public <T> ReadModel<T> of(Class<T> type, String collection, Function<T, String> idOf) {
        return new ReadModel<>(mongo, type, collection, idOf, cacheSize);
    }
}

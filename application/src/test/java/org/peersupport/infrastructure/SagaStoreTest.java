package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Sagas are found from memory, and stored in a collection indexed by saga identifier and by association. */
@PeerSupportTest
class SagaStoreTest {

    /** A saga's state, as the store serialises it. */
    record Marker(String note) {
    }

    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    MongoTemplate axonMongoTemplate;

    @Test
    void sagaCollectionHasAUniqueIndexOnTheSagaIdentifierAndOneOnTheAssociations() {
        List<Document> indexes = axonMongoTemplate.sagaCollection().listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsKey("sagaIdentifier");
            assertThat(index.getBoolean("unique")).isTrue();
        });
        assertThat(indexes).anySatisfy(index ->
                assertThat(index.get("key", Document.class)).containsOnlyKeys("associations"));
    }

    @Test
    void aStoredSagaIsFoundByAssociationAndGoneOnceDeleted() {
        assertThat(sagaStore).isInstanceOf(CachingSagaStore.class);
        AssociationValue association = new AssociationValue("matchId", "saga-store-test-" + System.nanoTime());
        String sagaId = "saga-" + association.getValue();
        assertThat(sagaStore.findSagas(Marker.class, association)).isEmpty();

        sagaStore.insertSaga(Marker.class, sagaId, new Marker("held"), Set.of(association));
        assertThat(sagaStore.findSagas(Marker.class, association)).containsExactly(sagaId);
        assertThat(axonMongoTemplate.sagaCollection().countDocuments(new Document("sagaIdentifier", sagaId))).isEqualTo(1);

        sagaStore.deleteSaga(Marker.class, sagaId, Set.of(association));
        assertThat(sagaStore.findSagas(Marker.class, association)).isEmpty();
        assertThat(axonMongoTemplate.sagaCollection().countDocuments(new Document("sagaIdentifier", sagaId))).isZero();
    }
}

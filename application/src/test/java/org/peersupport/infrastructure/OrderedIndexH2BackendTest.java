package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedIndexH2BackendTest {

    @TempDir
    Path dir;

    /** Runs against a mongo-java-server on the H2 file, with the backend given, then closes it all. */
    private void withStore(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("peersupport").getCollection("requests"));
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private Set<String> mapNames() {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).readOnly().open();
        try {
            return store.getMapNames();
        } finally {
            store.close();
        }
    }

    private static List<Document> invented(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", "request-" + i).append("stage", "REQUESTED"));
        }
        return documents;
    }

    @Test
    void documentsAreFoundByIdAndADuplicateIdIsRefused() {
        withStore(OrderedIndexH2Backend::new, requests -> {
            requests.insertMany(invented(2_000));

            for (int i = 0; i < 2_000; i += 7) {
                assertThat(requests.find(Filters.eq("_id", "request-" + i)).first()).isNotNull();
            }
            assertThat(requests.find(Filters.eq("_id", "request-2000")).first()).isNull();
            assertThatThrownBy(() -> requests.insertOne(new Document("_id", "request-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void anIndexWrittenByTheLibrarysBackendIsCarriedOverOnFirstStart() {
        withStore(H2Backend::new, requests -> requests.insertMany(invented(1_000)));
        assertThat(mapNames()).anyMatch(name -> name.endsWith("requests._index__id_"));

        withStore(OrderedIndexH2Backend::new, requests -> {
            assertThat(requests.find(Filters.eq("_id", "request-999")).first()).isNotNull();
            assertThatThrownBy(() -> requests.insertOne(new Document("_id", "request-0")))
                    .isInstanceOf(MongoWriteException.class);
            requests.replaceOne(Filters.eq("_id", "request-1"), new Document("_id", "request-1").append("stage", "MATCHED"));
        });

        assertThat(mapNames()).noneMatch(name -> name.contains("._index_"))
                .anyMatch(name -> name.endsWith("requests._ordered_index__id_"));
        withStore(OrderedIndexH2Backend::new, requests -> {
            assertThat(requests.countDocuments()).isEqualTo(1_000);
            assertThat(requests.find(Filters.eq("_id", "request-1")).first().getString("stage")).isEqualTo("MATCHED");
        });
    }

    @Test
    void aDroppedCollectionTakesItsIndexWithIt() {
        withStore(OrderedIndexH2Backend::new, requests -> {
            requests.insertMany(invented(100));
            requests.drop();

            requests.insertMany(invented(100));

            assertThat(requests.countDocuments()).isEqualTo(100);
        });
    }

    @Test
    void keysAreInOneTotalOrderThatAgreesWithEquality() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue("a", 1.0),
                new KeyValue(1.0), new KeyValue(2.0), new KeyValue(new BigDecimal("1.0")),
                new KeyValue(new BigDecimal("1.00")), new KeyValue("a", 2.0), new KeyValue(true));
        for (KeyValue x : keys) {
            assertThat(OrderedIndexH2Backend.compareKeys(x, new KeyValue(List.copyOf(asList(x))))).isZero();
            for (KeyValue y : keys) {
                int xy = OrderedIndexH2Backend.compareKeys(x, y);
                assertThat(Integer.signum(xy)).isEqualTo(-Integer.signum(OrderedIndexH2Backend.compareKeys(y, x)));
                assertThat(xy == 0).isEqualTo(x.equals(y));
                for (KeyValue z : keys) {
                    if (xy < 0 && OrderedIndexH2Backend.compareKeys(y, z) < 0) {
                        assertThat(OrderedIndexH2Backend.compareKeys(x, z)).isNegative();
                    }
                }
            }
        }
        assertThat(OrderedIndexH2Backend.compareKeys(new KeyValue("request-10"), new KeyValue("request-9")))
                .isNegative();
    }

    private static List<Object> asList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }
}

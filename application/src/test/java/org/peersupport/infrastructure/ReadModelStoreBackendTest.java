package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadModelStoreBackendTest {

    @TempDir
    Path dir;

    /** Runs against a mongo-java-server on the H2 file, with the backend given, then closes it all. */
    private void withStore(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
        withDatabase(backend, database -> work.accept(database.getCollection("requests")));
    }

    private void withDatabase(Function<MVStore, MongoBackend> backend, Consumer<MongoDatabase> work) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("peersupport"));
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
        withStore(ReadModelStoreBackend::new, requests -> {
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

        withStore(ReadModelStoreBackend::new, requests -> {
            assertThat(requests.find(Filters.eq("_id", "request-999")).first().getString("stage"))
                    .isEqualTo("REQUESTED");
            assertThatThrownBy(() -> requests.insertOne(new Document("_id", "request-0")))
                    .isInstanceOf(MongoWriteException.class);
            requests.replaceOne(Filters.eq("_id", "request-1"), new Document("_id", "request-1").append("stage", "MATCHED"));
        });

        assertThat(mapNames()).noneMatch(name -> name.contains("._index_"))
                .anyMatch(name -> name.endsWith("requests._ordered_index__id_"));
        withStore(ReadModelStoreBackend::new, requests -> {
            assertThat(requests.countDocuments()).isEqualTo(1_000);
            assertThat(requests.find(Filters.eq("_id", "request-1")).first().getString("stage")).isEqualTo("MATCHED");
        });
    }

    @Test
    void aCollectionsSizeIsCountedWhenAskedAndAgreesWithTheLibrarysRunningTotal() {
        List<Number> sizes = new ArrayList<>();
        for (Function<MVStore, MongoBackend> backend : List.<Function<MVStore, MongoBackend>>of(
                H2Backend::new, ReadModelStoreBackend::new)) {
            withDatabase(backend, database -> {
                MongoCollection<Document> requests = database.getCollection("requests");
                requests.drop();
                requests.insertMany(invented(300));
                for (int i = 0; i < 300; i += 3) {
                    requests.replaceOne(Filters.eq("_id", "request-" + i), new Document("_id", "request-" + i)
                            .append("stage", "MATCHED").append("sessions", List.of("autumn", "spring")));
                }
                requests.updateMany(Filters.eq("stage", "REQUESTED"), new Document("$set", new Document("waiting", 12)));
                requests.deleteMany(Filters.in("_id", "request-1", "request-2", "request-3"));
                sizes.add(database.runCommand(new Document("collStats", "requests")).get("size", Number.class));
            });
        }
        assertThat(sizes.get(0).longValue()).isPositive();
        assertThat(sizes.get(1).longValue()).as("counted when asked").isEqualTo(sizes.get(0).longValue());
    }

    @Test
    void anIdIndexOfTenThousandKeysIsAShallowTree() {
        withStore(ReadModelStoreBackend::new, requests -> requests.insertMany(invented(10_000)));

        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).readOnly().open();
        try {
            MVMap<KeyValue, Object> index = store.openMap("peersupport.requests._ordered_index__id_",
                    new MVMap.Builder<KeyValue, Object>().keyType(keyType()));
            assertThat(index.sizeAsLong()).isEqualTo(10_000);
            int depth = 1;
            for (Page<KeyValue, Object> page = index.getRootPage(); !page.isLeaf(); page = page.getChildPage(0)) {
                depth++;
            }
            // With every key taken for 10,000 bytes, pages held one or two keys and this was 14 deep.
            assertThat(depth).isLessThanOrEqualTo(4);
        } finally {
            store.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DataType<KeyValue> keyType() {
        return (DataType) ReadModelStoreBackend.keyOrder();
    }

    @Test
    void aDroppedCollectionTakesItsIndexWithIt() {
        withStore(ReadModelStoreBackend::new, requests -> {
            requests.insertMany(invented(100));
            requests.drop();

            requests.insertMany(invented(100));

            assertThat(requests.countDocuments()).isEqualTo(100);
        });
    }

    @Test
    void aDocumentIsHeldAndStoredAsItsBsonAndOneStoredByTheLibraryIsStillRead() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "request-1")
                .append("stage", "MATCHED").append("sessions", List.of("s-1", "s-2")).append("held", 2)
                .append("capacity", 3L).append("score", 4.5).append("paused", false).append("closedOn", null)
                .append("requestedAt", java.time.Instant.parse("2026-09-07T09:00:00Z"))
                .append("head", new de.bwaldvogel.mongo.bson.Document("subject", "head:1").append("sealed", "x"));
        var type = ReadModelStoreBackend.documents();
        ByteBuf encoded = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, encoded);
        byte[] bson = new byte[encoded.readableBytes()];
        encoded.readBytes(bson);

        WriteBuffer written = new WriteBuffer();
        type.write(written, bson);
        ByteBuffer bytes = written.getBuffer().flip();
        assertThat(bytes.get(0)).isEqualTo(ReadModelStoreBackend.BSON_DOCUMENT);
        assertThat((byte[]) type.read(bytes)).isEqualTo(bson);
        assertThat(bytes.remaining()).isZero();
        assertThat(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson))).isEqualTo(document);

        WriteBuffer byLibrary = new WriteBuffer();
        new ObjectDataType().write(byLibrary, document);
        assertThat(type.read(byLibrary.getBuffer().flip())).isEqualTo(document);
    }

    @Test
    void documentsStoredByTheLibrarysBackendAreStillFoundChangedAndRemoved() {
        withStore(H2Backend::new, requests -> requests.insertMany(invented(50)));

        withStore(ReadModelStoreBackend::new, requests -> {
            assertThat(requests.find(Filters.eq("_id", "request-7")).first().getString("stage")).isEqualTo("REQUESTED");
            requests.replaceOne(Filters.eq("_id", "request-7"), new Document("_id", "request-7").append("stage", "MATCHED"));
            requests.deleteOne(Filters.eq("_id", "request-8"));
            requests.insertOne(new Document("_id", "request-50").append("stage", "REQUESTED"));
        });

        withStore(ReadModelStoreBackend::new, requests -> {
            assertThat(requests.countDocuments()).isEqualTo(50);
            assertThat(requests.find(Filters.eq("_id", "request-7")).first().getString("stage")).isEqualTo("MATCHED");
            assertThat(requests.find(Filters.eq("_id", "request-8")).first()).isNull();
            assertThat(requests.countDocuments(Filters.eq("stage", "REQUESTED"))).isEqualTo(49);
        });
    }

    @Test
    void partialUpdatesChangeTheStoredDocument() {
        withStore(ReadModelStoreBackend::new, requests -> {
            requests.insertOne(new Document("_id", "request-1").append("stage", "REQUESTED")
                    .append("sessions", List.of("s-1")));
            requests.updateOne(Filters.eq("_id", "request-1"),
                    new Document("$push", new Document("sessions", "s-2")).append("$set", new Document("stage", "MATCHED")));
            requests.updateOne(Filters.eq("_id", "request-1"), new Document("$push", new Document("sessions", "s-3")));

            Document found = requests.find(Filters.eq("_id", "request-1")).first();
            assertThat(found.getString("stage")).isEqualTo("MATCHED");
            assertThat(found.getList("sessions", String.class)).containsExactly("s-1", "s-2", "s-3");
            assertThat(requests.find().sort(new Document("$natural", -1)).first().getString("_id")).isEqualTo("request-1");
        });
    }

    private static Document association(String key, String value) {
        return new Document("key", key).append("value", value);
    }

    private static Set<String> sagasWith(MongoCollection<Document> sagas, Document association) {
        Set<String> found = new java.util.TreeSet<>();
        sagas.find(new Document("sagaType", "Cycle").append("associations", association))
                .forEach(saga -> found.add(saga.getString("_id")));
        return found;
    }

    /**
     * The saga store's lookup by association: with an index that is not unique on the array, the
     * same answers as without, through inserts, partial updates, deletes and a restart.
     */
    @Test
    void anIndexThatIsNotUniqueFindsDocumentsByAnArraysElementsThroughChangesAndARestart() {
        withDatabase(ReadModelStoreBackend::new, database -> {
            MongoCollection<Document> sagas = database.getCollection("sagas");
            sagas.createIndex(new Document("associations", 1));
            List<Document> invented = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                invented.add(new Document("_id", "saga-" + i).append("sagaType", i % 10 == 0 ? "Other" : "Cycle")
                        .append("associations", List.of(association("matchId", "m-" + i), association("requestId", "r-" + i % 50))));
            }
            sagas.insertMany(invented);
            assertThat(sagasWith(sagas, association("requestId", "r-7")))
                    .containsExactly("saga-107", "saga-157", "saga-207", "saga-257", "saga-57", "saga-7");
            assertThat(sagasWith(sagas, association("matchId", "m-20"))).as("another saga type").isEmpty();

            sagas.updateOne(Filters.eq("_id", "saga-8"), new Document("$push", new Document("associations", association("requestId", "r-7"))));
            sagas.updateOne(Filters.eq("_id", "saga-7"), new Document("$pull", new Document("associations", association("requestId", "r-7"))));
            sagas.deleteOne(Filters.eq("_id", "saga-57"));

            assertThat(sagasWith(sagas, association("requestId", "r-7")))
                    .containsExactly("saga-107", "saga-157", "saga-207", "saga-257", "saga-8");
            assertThat(sagasWith(sagas, association("matchId", "m-7"))).containsExactly("saga-7");
            assertThat(sagasWith(sagas, association("value", "m-7"))).as("key and value from different elements").isEmpty();
        });
        withDatabase(ReadModelStoreBackend::new, database -> {
            MongoCollection<Document> sagas = database.getCollection("sagas");

            assertThat(sagasWith(sagas, association("requestId", "r-7")))
                    .containsExactly("saga-107", "saga-157", "saga-207", "saga-257", "saga-8");
            assertThat(sagas.countDocuments(Filters.elemMatch("associations", Filters.eq("value", "r-7"))))
                    .as("a query the index does not answer").isEqualTo(5);
        });
    }

    /** The index is asked only what it can answer, and answers with the documents holding the value. */
    @Test
    void theIndexThatIsNotUniqueAnswersPlainValuesAndDocumentsOnly() {
        ReadModelStoreBackend.EqualityIndex index = new ReadModelStoreBackend.EqualityIndex("associations_1",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("associations", true)), false);
        de.bwaldvogel.mongo.bson.Document saga = new de.bwaldvogel.mongo.bson.Document("_id", "saga-1")
                .append("associations", List.of(new de.bwaldvogel.mongo.bson.Document("key", "matchId").append("value", "m-1")));
        index.add(saga, "saga-1", null);
        de.bwaldvogel.mongo.bson.Document byAssociation = new de.bwaldvogel.mongo.bson.Document("associations",
                new de.bwaldvogel.mongo.bson.Document("key", "matchId").append("value", "m-1"));

        assertThat(index.canHandle(byAssociation)).isTrue();
        assertThat(index.getPositions(byAssociation)).containsExactly("saga-1");
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("associations",
                new de.bwaldvogel.mongo.bson.Document("$elemMatch", new de.bwaldvogel.mongo.bson.Document("value", "m-1")))))
                .as("an operator").isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("sagaType", "Cycle"))).as("another field").isFalse();

        assertThat(index.remove(saga)).isEqualTo("saga-1");
        assertThat(index.getPositions(byAssociation)).isEmpty();
        assertThat(index.isEmpty()).isTrue();
    }

    @Test
    void anIndexKeyIsStoredAsBsonAndOneStoredByTheLibraryIsStillRead() {
        var type = ReadModelStoreBackend.keyOrder();
        for (KeyValue key : List.of(new KeyValue("request-1"), new KeyValue("oversight", 0.0),
                new KeyValue(java.util.Arrays.asList("saga-1", null)))) {
            WriteBuffer written = new WriteBuffer();
            type.write(written, key);
            ByteBuffer bytes = written.getBuffer().flip();
            assertThat(bytes.get(0)).isEqualTo(ReadModelStoreBackend.BSON_KEY);
            assertThat(type.read(bytes)).isEqualTo(key);

            WriteBuffer byLibrary = new WriteBuffer();
            new ObjectDataType().write(byLibrary, key);
            assertThat(type.read(byLibrary.getBuffer().flip())).isEqualTo(key);
        }
    }

    @Test
    void documentsReadBackFromTheFileEqualWhatWasWritten() {
        Document written = new Document("_id", "request-1").append("stage", "MATCHED")
                .append("sessions", List.of("s-1", "s-2")).append("held", 2).append("capacity", 3L)
                .append("requestedAt", java.util.Date.from(java.time.Instant.parse("2026-09-07T09:00:00Z")))
                .append("head", new Document("subject", "head:1").append("sealed", "x"));
        withStore(ReadModelStoreBackend::new, requests -> requests.insertOne(written));

        withStore(ReadModelStoreBackend::new,
                requests -> assertThat(requests.find(Filters.eq("_id", "request-1")).first()).isEqualTo(written));
    }

    @Test
    void keysAreInOneTotalOrderThatAgreesWithEquality() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue("a", 1.0),
                new KeyValue(1.0), new KeyValue(2.0), new KeyValue(new BigDecimal("1.0")),
                new KeyValue(new BigDecimal("1.00")), new KeyValue("a", 2.0), new KeyValue(true));
        for (KeyValue x : keys) {
            assertThat(ReadModelStoreBackend.compareKeys(x, new KeyValue(List.copyOf(asList(x))))).isZero();
            for (KeyValue y : keys) {
                int xy = ReadModelStoreBackend.compareKeys(x, y);
                assertThat(Integer.signum(xy)).isEqualTo(-Integer.signum(ReadModelStoreBackend.compareKeys(y, x)));
                assertThat(xy == 0).isEqualTo(x.equals(y));
                for (KeyValue z : keys) {
                    if (xy < 0 && ReadModelStoreBackend.compareKeys(y, z) < 0) {
                        assertThat(ReadModelStoreBackend.compareKeys(x, z)).isNegative();
                    }
                }
            }
        }
        assertThat(ReadModelStoreBackend.compareKeys(new KeyValue("request-10"), new KeyValue("request-9")))
                .isNegative();
    }

    private static List<Object> asList(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(values::add);
        return values;
    }
}

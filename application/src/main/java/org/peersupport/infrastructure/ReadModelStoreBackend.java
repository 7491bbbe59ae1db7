package org.peersupport.infrastructure;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend (the embedded read-model store), with four of its costs removed:
 * unique indexes are ordered by their values instead of by their Java serialisation, documents
 * are stored as BSON instead of by Java serialisation, and held as BSON between writes, and an
 * index that is not unique, on one field, is kept ({@link EqualityIndex}) instead of ignored.
 *
 * <p>The library keeps each unique index (every collection's {@code _id}, for one) in an H2 map
 * keyed by its {@code KeyValue}, a class H2 does not know. For such keys H2 compares two keys by
 * serialising both with {@code ObjectOutputStream} and comparing the bytes, at every step of every
 * lookup: a quarter of all CPU time in a rebuild of a million events, and more as collections grow
 * (the benchmark's profile). Here those maps order keys by their values ({@link #compareKeys}): the
 * same keys in a different order. So the maps have new names, and an index found under the
 * library's name is copied across once, on first start, and the old map removed.
 *
 * <p>Documents and keys: the library stores each as a serialised Java object, which H2 writes with
 * {@code ObjectOutputStream} every time a page holding it is written (most of H2's serialisation
 * thread in a rebuild). Here they are written as BSON, the form the wire protocol already gives a
 * document, behind tags of their own ({@link #documents}, {@link #keyOrder}); a value without such a
 * tag is read as H2 always read it, so documents written by the library's backend need no conversion.
 * A collection holds its documents as their BSON bytes, encoded once when written and decoded only
 * when asked for, and keeps no running total of their size ({@link ReadModelCollection}).
 */
final class ReadModelStoreBackend extends H2Backend {

    private static final String ID_FIELD = "_id";

    ReadModelStoreBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return ReadModelDatabase.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Keys of unique indexes in value order, written as BSON; everything else, and keys written
     * before, as H2 would (one instance per map, as H2 has it).
     */
    static DataType<Object> keyOrder() {
        return new ObjectDataType() {
            @Override
            public int compare(Object a, Object b) {
                if (a instanceof KeyValue x && b instanceof KeyValue y) {
                    return compareKeys(x, y);
                }
                return super.compare(a, b);
            }

            @Override
            public void write(WriteBuffer buff, Object obj) {
                if (!(obj instanceof KeyValue key) || !writeBson(buff, BSON_KEY, asDocument(key))) {
                    super.write(buff, obj);
                }
            }

            @Override
            public Object read(ByteBuffer buff) {
                if (buff.get(buff.position()) != BSON_KEY) {
                    return super.read(buff);
                }
                return new KeyValue(new ArrayList<>(readBson(buff).values()));
            }

            @Override
            public int getMemory(Object obj) {
                return obj instanceof KeyValue key ? keyMemory(key) : super.getMemory(obj);
            }
        };
    }

    /**
     * About what a key takes in memory. H2 sizes its pages by these figures; for a class it does
     * not know it assumes 10,000 bytes until it has serialised one itself, which it never does
     * here, so each page held one or two keys and an index of 10,000 ids was a tree 14 pages deep
     * (found by the rebuild's profile, where the index pages were most of the store's work).
     */
    static int keyMemory(KeyValue key) {
        int memory = 64; // the key, its list and the list's array
        for (int i = 0; i < key.size(); i++) {
            memory += key.get(i) instanceof String text ? 48 + text.length() : 32;
        }
        return memory;
    }

    private static Document asDocument(KeyValue key) {
        Document document = new Document();
        for (int i = 0; i < key.size(); i++) {
            document.put(Integer.toString(i), key.get(i));
        }
        return document;
    }

    /** Writes the tag and the document's BSON; false, having written nothing, if BSON cannot hold it. */
    private static boolean writeBson(WriteBuffer buff, byte tag, Document document) {
        byte[] bson = bsonOrNull(document);
        if (bson == null) {
            return false;
        }
        putTagged(buff, tag, bson);
        return true;
    }

    private static void putTagged(WriteBuffer buff, byte tag, byte[] bson) {
        buff.put(tag).putVarInt(bson.length).put(bson);
    }

    /** Reads the bytes {@link #putTagged} wrote, tag included. */
    private static byte[] readTagged(ByteBuffer buff) {
        buff.get();
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        return bson;
    }

    static Document decode(byte[] bson) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The document's BSON, or null if BSON cannot hold it. */
    static byte[] bsonOrNull(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } catch (RuntimeException notBson) {
            return null;
        } finally {
            bson.release();
        }
    }

    /** Reads what {@link #writeBson} wrote, tag included. */
    private static Document readBson(ByteBuffer buff) {
        return decode(readTagged(buff));
    }

    /**
     * A total order consistent with {@code KeyValue.equals}: by length, then element by element;
     * an element by class, then by its natural order where it has one, else (and to break a tie
     * between unequal values) by its serialised bytes, as H2 ordered everything before.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(KeyValue a, KeyValue b) {
        int bySize = Integer.compare(a.size(), b.size());
        if (bySize != 0) {
            return bySize;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == y) {
                continue;
            }
            if (x == null || y == null) {
                return x == null ? -1 : 1;
            }
            int order;
            if (x.getClass() != y.getClass()) {
                order = x.getClass().getName().compareTo(y.getClass().getName());
            } else if (x instanceof Comparable comparable) {
                order = comparable.compareTo(y);
                if (order == 0 && !x.equals(y)) {
                    order = ObjectDataType.compareNotNull(ObjectDataType.serialize(x), ObjectDataType.serialize(y));
                }
            } else {
                order = ObjectDataType.compareNotNull(ObjectDataType.serialize(x), ObjectDataType.serialize(y));
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Tags for "a document's BSON follows" and "a key's": values H2's own tags (0-19, 32-49, 64-119) never take. */
    static final byte BSON_DOCUMENT = 120;
    static final byte BSON_KEY = 121;

    /**
     * Documents as BSON: a collection holds each document as its BSON bytes ({@link ReadModelCollection}),
     * written behind the tag as they are and read back without decoding. A document BSON cannot hold,
     * and any document written before by the library, is written and read as H2 would.
     */
    static DataType<Object> documents() {
        return new ObjectDataType() {
            @Override
            public void write(WriteBuffer buff, Object obj) {
                if (obj instanceof byte[] bson) {
                    putTagged(buff, BSON_DOCUMENT, bson);
                } else {
                    super.write(buff, obj);
                }
            }

            @Override
            public Object read(ByteBuffer buff) {
                return buff.get(buff.position()) == BSON_DOCUMENT ? readTagged(buff) : super.read(buff);
            }
        };
    }

    /** The library's H2 database with ordered index maps and BSON documents (see the class comment). */
    static final class ReadModelDatabase extends H2Database {

        /** The library's name for a collection's documents map (its constants are not public). */
        private static final String DATA_PREFIX = "databases.";

        /** The library's constructor opens the indexes, before this class's own fields are set. */
        private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

        private final MVStore store;

        private ReadModelDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        static ReadModelDatabase open(String databaseName, MVStore store, CursorRegistry cursors) {
            OPENING.set(store);
            try {
                return new ReadModelDatabase(databaseName, store, cursors);
            } finally {
                OPENING.remove();
            }
        }

        private MVStore store() {
            return store != null ? store : OPENING.get();
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._ordered_index_" + indexName;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore mv = store();
            MVMap<KeyValue, Object> map = mv.openMap(mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType((DataType) keyOrder()));
            String libraryName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            if (mv.hasMap(libraryName)) {
                // Copied whole each time the old map is still there: a crash mid-copy leaves it there.
                MVMap<KeyValue, Object> library = mv.openMap(libraryName);
                map.clear();
                for (Map.Entry<KeyValue, Object> entry : library.entrySet()) {
                    map.put(entry.getKey(), entry.getValue());
                }
                mv.removeMap(library);
            }
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore mv = store();
            MVMap<Object, Object> data = mv.openMap(DATA_PREFIX + namespace,
                    new MVMap.Builder<Object, Object>().valueType(documents()));
            return new ReadModelCollection(this, collectionName, options, data, cursorRegistry);
        }

        /**
         * The library ignores indexes that are not unique (every query on their fields reads the whole
         * collection); an index on one field is kept here, in memory, for equality queries on it.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return keys.size() == 1 ? new EqualityIndex(indexName, keys, sparse)
                    : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            store().removeMap(mapName(collection.getCollectionName(), indexName));
        }
    }

    /**
     * The library's {@code H2Collection}, holding each document as its BSON bytes instead of as a
     * document object.
     *
     * <p>H2 writes a whole page of a map whenever one of its entries changes, and the library's
     * collection holds document objects, so every document on a changed page was encoded to BSON
     * again at every commit (about twenty to a page), and every document on a page read from the
     * file was decoded to find one (most of the read-model store's work in a rebuild: the
     * benchmark's profile). Here a document is encoded once, when it is written, and decoded only
     * when it is asked for; each request gets its own copy.
     *
     * <p>Nor does it keep a running total of its documents' size: the library encodes the old and
     * the new document once more on every write only for that total, and stores it with each write.
     * The total answers only the {@code collStats} and {@code validate} commands, which nothing here
     * sends: they get it counted when asked instead.
     */
    static final class ReadModelCollection extends AbstractSynchronizedMongoCollection<Object> {

        private final MVMap<Object, Object> data;

        ReadModelCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Object> data, CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
            this.data = data;
        }

        /** The document's BSON; the document itself if BSON cannot hold it (H2 then serialises it). */
        private static Object stored(Document document) {
            byte[] bson = bsonOrNull(document);
            return bson != null ? bson : document;
        }

        private static Document document(Object stored) {
            return stored instanceof byte[] bson ? decode(bson) : (Document) stored;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            Object previous = data.put(Missing.ofNullable(key), stored(document));
            if (previous != null) {
                throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
            }
            return key;
        }

        @Override
        public int count() {
            return data.size();
        }

        @Override
        public boolean isEmpty() {
            return data.isEmpty();
        }

        @Override
        protected Document getDocument(Object position) {
            return document(data.get(position));
        }

        @Override
        protected void removeDocument(Object position) {
            if (data.remove(position) == null) {
                throw new NoSuchElementException("No document with key " + position);
            }
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return data.entrySet().stream()
                    .map(entry -> new DocumentWithPosition<>(document(entry.getValue()), entry.getKey()));
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Stream<Document> documents = isNaturalDescending(orderBy)
                    ? streamAllDocumentsWithPosition()
                            .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                            .map(DocumentWithPosition::getDocument)
                    : data.values().stream().map(ReadModelCollection::document);
            return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            data.put(Missing.ofNullable(position), stored(newDocument));
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected void updateDataSize(int sizeDelta) {
            // Not kept: see the class comment.
        }

        @Override
        protected int getDataSize() {
            long total = 0;
            for (Object stored : data.values()) {
                // A document written before that BSON cannot hold is not counted.
                byte[] bson = stored instanceof byte[] held ? held : bsonOrNull((Document) stored);
                total += bson == null ? 0 : bson.length;
            }
            return (int) Math.min(Integer.MAX_VALUE, total);
        }
    }

    /**
     * An index that is not unique, on one field, held in memory and filled from the collection when
     * it is opened (the library fills an empty index so). It answers a query that asks the field for
     * a plain value or document, with the documents holding it there or, for an array, among its
     * elements: the saga store's lookup by association ({@code associations: {key, value}}), which
     * otherwise decoded every live saga. Positions are the collection's: its documents' {@code _id}.
     * The documents it gives are matched against the whole query afterwards, as every index's are.
     */
    static final class EqualityIndex extends Index<Object> {

        private final String field;
        private final InvertedIndex<KeyValue, Object> positions = new InvertedIndex<>();

        EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.field = keys.get(0).getKey();
        }

        private static Object positionOf(Document document) {
            return Missing.ofNullable(Utils.getSubdocumentValue(document, ID_FIELD));
        }

        @Override
        public Object getPosition(Document document) {
            return null; // not unique: no one document to point to
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            for (KeyValue value : getKeyValues(document)) {
                positions.add(position, value);
            }
        }

        @Override
        public synchronized Object remove(Document document) {
            Object position = positionOf(document);
            positions.remove(position);
            return position;
        }

        @Override
        public boolean canHandle(Document query) {
            Object value = query.get(field);
            return value instanceof Document document ? document.keySet().stream().noneMatch(key -> key.startsWith("$"))
                    : value instanceof String || value instanceof Number || value instanceof Boolean
                            || value instanceof UUID;
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            Set<Object> found = new LinkedHashSet<>();
            for (KeyValue value : getKeyValues(new Document(field, query.get(field)))) {
                found.addAll(positions.positions(value));
            }
            return new ArrayList<>(found);
        }

        @Override
        public synchronized long getCount() {
            return positions.positionCount();
        }

        @Override
        public synchronized boolean isEmpty() {
            return positions.positionCount() == 0;
        }

        @Override
        public long getDataSize() {
            return getCount();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                               MongoCollection<Object> collection) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }

        @Override
        public synchronized void drop() {
            positions.clear();
        }
    }

    /** The library's {@code H2UniqueIndex}, on the map given (its constructor is not public). */
    static final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}

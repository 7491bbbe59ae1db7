package org.peersupport.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import org.bson.Document;

/**
 * Production's keys: a collection of their own in MongoDB, written with a journaled majority write
 * concern, so a key is durable before anything sealed with it is stored.
 */
final class MongoKeyVault implements KeyVault {

    private final MongoCollection<Document> keys;

    MongoKeyVault(MongoDatabase database) {
        this.keys = database.getCollection(MONGO_COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Override
    public Entry get(String subject) {
        Document entry = keys.find(Filters.eq("_id", subject)).first();
        if (entry == null) {
            return Entry.NOTHING;
        }
        String key = entry.getString("key");
        return key == null ? Entry.TOMBSTONE : Entry.key(key);
    }

    @Override
    public Entry putIfAbsent(String subject, String wrappedKey) {
        try {
            keys.insertOne(new Document("_id", subject).append("key", wrappedKey)
                    .append("createdAt", Instant.now().toString()));
            return Entry.key(wrappedKey);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return get(subject); // another instance won the race, or the subject was erased meanwhile
        }
    }

    @Override
    public boolean tombstone(String subject) {
        Document before = keys.findOneAndReplace(Filters.eq("_id", subject),
                new Document("_id", subject).append("shreddedAt", Instant.now().toString()),
                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before != null && before.containsKey("key");
    }
}

package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One AES key per data subject, each wrapped by the master key, in a store of their own (never the
 * event store). Deleting a subject's key is crypto-shredding: every sealed value about them, in
 * history and read models alike, becomes unreadable at once. The key's entry is replaced by a
 * tombstone, so erasure is final: no new key is ever made for that subject, and anything sealed
 * about them afterwards (a read model writing again a document it kept in memory, a later event)
 * is sealed as erased. A plain delete let a case that changed after its head's erasure come back
 * readable under a fresh key (ErasureIsFinalTest).
 */
@Component
public class SubjectKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;
    private final MasterKey master;
    /**
     * Keys are cached briefly (a shred on another instance takes effect here within 30 s) and
     * boundedly: an unbounded map kept every key ever used in memory (62,700 after the 1M-event
     * benchmark).
     */
    private final Cache<String, Held> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(20_000).build();

    private final KeyDurability durability;

    SubjectKeyStore(MongoClient client, MasterKey master, ObjectProvider<KeyDurability> durability,
                    @Value("${peersupport.mongo.keys-database}") String database) {
        this.keys = client.getDatabase(database).getCollection("subject_keys")
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.master = master;
        this.durability = durability.getIfAvailable(() -> () -> { });
    }

    /** What the store holds for a subject: their key, a tombstone, or nothing yet. */
    private record Held(SecretKey key, boolean shredded) {
        static final Held NOTHING = new Held(null, false);
        static final Held TOMBSTONE = new Held(null, true);
    }

    /** The subject's key, created on first use; empty once the subject has been erased. */
    Optional<SecretKey> keyFor(String subject) {
        Held held = cache.get(subject, this::load);
        if (held.key() != null || held.shredded()) {
            return Optional.ofNullable(held.key());
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        Document entry = new Document("_id", subject)
                .append("key", Base64.getEncoder().encodeToString(Aes.encrypt(master.key(), raw, subject)))
                .append("createdAt", Instant.now().toString());
        try {
            keys.insertOne(entry);
            durability.makeDurable();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            cache.invalidate(subject); // another thread won the race, or the subject was erased meanwhile
            return find(subject);
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        cache.put(subject, new Held(key, false));
        return Optional.of(key);
    }

    /** The subject's key, or empty once it has been shredded (or was never made). */
    Optional<SecretKey> find(String subject) {
        return Optional.ofNullable(cache.get(subject, this::load).key());
    }

    /** Deletes the subject's key for good, leaving a tombstone. Returns whether there was a key. */
    public boolean shred(String subject) {
        Document before = keys.findOneAndReplace(Filters.eq("_id", subject),
                new Document("_id", subject).append("shreddedAt", Instant.now().toString()),
                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        durability.makeDurable();
        cache.put(subject, Held.TOMBSTONE);
        return before != null && before.containsKey("key");
    }

    public boolean exists(String subject) {
        return find(subject).isPresent();
    }

    private Held load(String subject) {
        Document entry = keys.find(Filters.eq("_id", subject)).first();
        if (entry == null) {
            return Held.NOTHING;
        }
        if (entry.getString("key") == null) {
            return Held.TOMBSTONE;
        }
        try {
            byte[] raw = Aes.decrypt(master.key(), Base64.getDecoder().decode(entry.getString("key")), subject);
            return new Held(new SecretKeySpec(raw, "AES"), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Subject key cannot be unwrapped: is the master key right?", e);
        }
    }
}

package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
 * history and read models alike, becomes unreadable at once.
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
    private final Cache<String, Optional<SecretKey>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(20_000).build();

    private final KeyDurability durability;

    SubjectKeyStore(MongoClient client, MasterKey master, ObjectProvider<KeyDurability> durability,
                    @Value("${peersupport.mongo.keys-database}") String database) {
        this.keys = client.getDatabase(database).getCollection("subject_keys")
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.master = master;
        this.durability = durability.getIfAvailable(() -> () -> { });
    }

    /** The subject's key, created on first use. */
    SecretKey keyFor(String subject) {
        Optional<SecretKey> known = find(subject);
        if (known.isPresent()) {
            return known.get();
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
            cache.invalidate(subject); // another thread won the race: use its key
            return find(subject).orElseThrow();
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        cache.put(subject, Optional.of(key));
        return key;
    }

    /** The subject's key, or empty once it has been shredded (or was never made). */
    Optional<SecretKey> find(String subject) {
        return cache.get(subject, this::load);
    }

    /** Deletes the subject's key for good. Returns whether there was one. */
    public boolean shred(String subject) {
        boolean existed = keys.deleteOne(Filters.eq("_id", subject)).getDeletedCount() > 0;
        cache.put(subject, Optional.empty());
        return existed;
    }

    public boolean exists(String subject) {
        return find(subject).isPresent();
    }

    private Optional<SecretKey> load(String subject) {
        Document entry = keys.find(Filters.eq("_id", subject)).first();
        if (entry == null) {
            return Optional.empty();
        }
        try {
            byte[] raw = Aes.decrypt(master.key(), Base64.getDecoder().decode(entry.getString("key")), subject);
            return Optional.of(new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Subject key cannot be unwrapped: is the master key right?", e);
        }
    }
}

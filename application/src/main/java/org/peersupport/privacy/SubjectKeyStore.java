package org.peersupport.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.peersupport.privacy.KeyVault.Entry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One AES key per data subject, each wrapped by the master key, in a store of their own (never the
 * event store: {@link KeyVault}). Deleting a subject's key is crypto-shredding: every sealed value
 * about them, in history and read models alike, becomes unreadable at once. The key's entry is
 * replaced by a tombstone, so erasure is final: no new key is ever made for that subject, and
 * anything sealed about them afterwards (a read model writing again a document it kept in memory,
 * a later event) is sealed as erased. A plain delete let a case that changed after its head's
 * erasure come back readable under a fresh key (ErasureIsFinalTest).
 */
@Component
public class SubjectKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyVault vault;
    private final MasterKey master;
    /**
     * Keys are cached briefly (a shred on another instance takes effect here within 30 s) and
     * boundedly: an unbounded map kept every key ever used in memory (62,700 after the 1M-event
     * benchmark).
     */
    private final Cache<String, Held> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(20_000).build();

    /** The embedded default provides its vault; otherwise the keys are in MongoDB, in a database of their own. */
    SubjectKeyStore(ObjectProvider<KeyVault> vault, ObjectProvider<MongoClient> client, MasterKey master,
                    @Value("${peersupport.mongo.keys-database}") String database) {
        this.vault = vault.getIfAvailable(() -> new MongoKeyVault(client.getObject().getDatabase(database)));
        this.master = master;
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
        String wrapped = Base64.getEncoder().encodeToString(Aes.encrypt(master.key(), raw, subject));
        Entry stored = vault.putIfAbsent(subject, wrapped);
        if (!wrapped.equals(stored.wrappedKey())) {
            // Another thread or instance won the race, or the subject was erased meanwhile.
            held = unwrap(subject, stored);
            cache.put(subject, held);
            return Optional.ofNullable(held.key());
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
        boolean hadKey = vault.tombstone(subject);
        cache.put(subject, Held.TOMBSTONE);
        return hadKey;
    }

    public boolean exists(String subject) {
        return find(subject).isPresent();
    }

    private Held load(String subject) {
        return unwrap(subject, vault.get(subject));
    }

    private Held unwrap(String subject, Entry entry) {
        if (entry.shredded()) {
            return Held.TOMBSTONE;
        }
        if (entry.wrappedKey() == null) {
            return Held.NOTHING;
        }
        try {
            byte[] raw = Aes.decrypt(master.key(), Base64.getDecoder().decode(entry.wrappedKey()), subject);
            return new Held(new SecretKeySpec(raw, "AES"), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Subject key cannot be unwrapped: is the master key right?", e);
        }
    }
}

package org.peersupport.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.peersupport.privacy.KeyVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's subject keys: an H2 file of their own ({@code subjectkeys.mv} beside the
 * other two), one map from subject to wrapped key or tombstone. Each change is committed to the
 * file before the call returns, so it survives a kill -9 (and is synced each second with the other
 * files, {@link FileStoreHousekeeping}).
 *
 * <p>Until the fifteenth session the keys were a collection of the read-model store. A new subject
 * then cost the command thread two round trips through the in-process MongoDB protocol and a commit
 * of the whole read-model file, with every document the processors had written since its last
 * commit: a fifth of the command thread's time in the append's profile. Here it is one map write and
 * a commit of a file that holds nothing else. Keys left in an older store's collection are moved
 * here on start ({@link #adopt}).
 */
final class FileKeyVault implements KeyVault, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileKeyVault.class);
    private static final String KEY = "key ";
    private static final String TOMBSTONE = "tombstone ";

    private final MVStore store;
    /** Subject to "key {wrapped} {created}" or "tombstone {shredded}". */
    private final MVMap<String, String> keys;

    /** In a file, or in memory where none is given (tests). */
    FileKeyVault(Path file) throws IOException {
        MVStore.Builder builder = new MVStore.Builder();
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            builder.fileName(file.toAbsolutePath().toString());
        }
        this.store = builder.open();
        this.keys = store.openMap("subject_keys");
    }

    MVStore store() {
        return store;
    }

    @Override
    public Entry get(String subject) {
        return entry(keys.get(subject));
    }

    @Override
    public Entry putIfAbsent(String subject, String wrappedKey) {
        String before = keys.putIfAbsent(subject, keyEntry(wrappedKey, Instant.now().toString()));
        if (before != null) {
            return entry(before);
        }
        store.commit();
        return Entry.key(wrappedKey);
    }

    @Override
    public boolean tombstone(String subject) {
        String before = keys.put(subject, tombstoneEntry(Instant.now().toString()));
        store.commit();
        return before != null && before.startsWith(KEY);
    }

    private static String keyEntry(String wrappedKey, String createdAt) {
        return KEY + wrappedKey + " " + createdAt;
    }

    private static String tombstoneEntry(String shreddedAt) {
        return TOMBSTONE + shreddedAt;
    }

    private static Entry entry(String held) {
        if (held == null) {
            return Entry.NOTHING;
        }
        if (held.startsWith(TOMBSTONE)) {
            return Entry.TOMBSTONE;
        }
        return Entry.key(held.substring(KEY.length(), held.indexOf(' ', KEY.length())));
    }

    /**
     * Moves the keys an older store kept in the read-model store's collection into this file, then
     * drops the collection, so that a shred cannot miss a second copy. A tombstone on either side
     * wins; otherwise a key already here stays. Run on every start until the collection is gone: a
     * crash between the commit and the drop only repeats it.
     */
    void adopt(MongoDatabase database, String collection) {
        if (!database.listCollectionNames().into(new ArrayList<>()).contains(collection)) {
            return;
        }
        MongoCollection<Document> old = database.getCollection(collection);
        long moved = 0;
        for (Document entry : old.find()) {
            String subject = entry.getString("_id");
            String key = entry.getString("key");
            if (key == null) {
                keys.put(subject, tombstoneEntry(entry.get("shreddedAt", Instant.now().toString())));
            } else {
                keys.putIfAbsent(subject, keyEntry(key, entry.get("createdAt", Instant.now().toString())));
            }
            moved++;
        }
        if (moved > 0) {
            store.commit();
            log.info("Moved {} subject keys from the read-model store to their own file", moved);
        }
        old.drop();
    }

    @Override
    public void close() {
        store.close();
    }
}

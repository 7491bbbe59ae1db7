package org.peersupport.privacy;

/**
 * Where subjects' keys are kept, each wrapped by the master key: a store of their own, never the
 * event store, so that deleting a key is crypto-shredding. Every change is durable when the call
 * returns: an event committed with a key that a crash then lost would read as erased for ever.
 * Production keeps them in MongoDB ({@link MongoKeyVault}); the embedded default in a file of their
 * own ({@code infrastructure.FileKeyVault}).
 */
public interface KeyVault {

    /** The collection production keeps them in, in the keys database ({@code peersupport.mongo.keys-database}). */
    String MONGO_COLLECTION = "subject_keys";

    /** What is held for a subject: a wrapped key, a tombstone (erased), or nothing yet. */
    record Entry(String wrappedKey, boolean shredded) {
        public static final Entry NOTHING = new Entry(null, false);
        public static final Entry TOMBSTONE = new Entry(null, true);

        public static Entry key(String wrappedKey) {
            return new Entry(wrappedKey, false);
        }
    }

    Entry get(String subject);

    /** Stores the wrapped key unless the subject has an entry already; returns the entry held afterwards. */
    Entry putIfAbsent(String subject, String wrappedKey);

    /** Replaces the subject's entry, if any, with a tombstone; returns whether it held a key. */
    boolean tombstone(String subject);
}

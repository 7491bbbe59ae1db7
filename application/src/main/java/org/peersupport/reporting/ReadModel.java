package org.peersupport.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One read-model collection of immutable documents, changed only by replacing a document whole.
 *
 * <p>Inside an event processor's batch, documents are read at most once, changed in memory, and
 * written together in one bulk write when the batch's last event has been handled
 * ({@link ReadModelBatches}) — before the batch commits and its token is stored (processors store
 * tokens after processing: {@code AxonConfiguration}), so a stored token means its read-model writes
 * happened. Outside a unit of work (tests, tools) writes go straight through. A one-pass rebuild
 * holds documents across its batches and writes each when it leaves memory ({@link RebuildScope});
 * it stores the processors' tokens only once everything is written.
 *
 * <p>Where this process is the collection's only writer (the embedded default), the documents it
 * last wrote are kept in memory, as written, and a later batch reads them from there instead of
 * asking the store ({@link ReadModelCollections}): reading each document back was the largest part of a live
 * processor's work (the benchmark's profile). A write that fails, or dropping the collection, forgets
 * them all. Queries always ask the store.
 */
public final class ReadModel<T> {

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final Function<T, String> idOf;
    private final String resourceKey;
    /**
     * The documents last written, as written, the least recently used leaving first; null when off
     * (see {@link ReadModelCollections}). Not Caffeine: its admission policy keeps the documents used
     * most often, and turned away a new request's document in favour of those of finished ones, so
     * one update in nine read its document back from the store (a 200,000-event append).
     */
    private final Map<String, T> written;

    ReadModel(MongoTemplate mongo, Class<T> type, String collection, Function<T, String> idOf, int cacheSize) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.idOf = idOf;
        this.resourceKey = "read-model:" + collection;
        this.written = cacheSize > 0 ? Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > cacheSize;
            }
        }) : null;
    }

    /** Replaces the document whole (or adds it). */
    public void put(T document) {
        String id = idOf.apply(document);
        Pending<T> pending = pending();
        if (pending == null) {
            saveNow(id, document);
        } else {
            pending.deferred.remove(id);
            pending.changed.put(id, document);
        }
    }

    /** Applies a transition to the document if it exists (it may not, e.g. mid-replay of another group). */
    public void update(String id, UnaryOperator<T> transition) {
        change(id, () -> null, transition);
    }

    /**
     * Applies a transition to the document, starting from {@code absent} if there is none ({@code absent}
     * may give null: then nothing changes). Inside a live batch, a document neither this batch nor
     * memory knows is not read at once: the transitions wait, in order, and every such document of
     * the batch is read in one query when the batch is written ({@link Pending#detach}). A batch of
     * new people's records otherwise read the store once for each, to find nothing. A transition
     * that returns the very document it was given changes nothing, and nothing is written for it.
     */
    public void change(String id, Supplier<T> absent, UnaryOperator<T> transition) {
        Pending<T> pending = pending();
        if (pending != null && pending.defer(id, absent, transition)) {
            return;
        }
        T current = pending == null ? null : pending.known(id);
        if (current == null && written != null) {
            current = written.get(id);
        }
        if (current == null && pending != null && pending.rebuild == null) {
            pending.deferred.put(id, new ArrayList<>(List.of(new Step<>(absent, transition))));
            return;
        }
        if (current == null) {
            current = mongo.findById(id, type, collection);
        }
        boolean added = false;
        if (current == null) {
            current = absent.get();
            added = true;
        }
        if (current == null) {
            return;
        }
        T next = transition.apply(current);
        if (next == current && !added) {
            return; // unchanged: nothing to write
        }
        if (pending == null) {
            saveNow(id, next);
        } else {
            pending.changed.put(id, next);
        }
    }

    /**
     * Writes what the current batch has changed in this collection now rather than at its end, so a
     * query of the store sees it. Safe at any point: a batch that fails is handled again whole.
     */
    public void writePending() {
        Pending<T> pending = pending();
        if (pending != null) {
            pending.detach().run();
        }
    }

    /** The documents given ids have in the store, by id. */
    private Map<String, T> stored(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        for (T document : mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection)) {
            found.put(idOf.apply(document), document);
        }
        return found;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, type, collection));
    }

    public List<T> find(Query query) {
        return mongo.find(query, type, collection);
    }

    public void drop() {
        forgetAll(); // first: if the drop fails part-way, what is left is read from the store
        // Only if it is there: the embedded server logs dropping a missing one as an error, with its stack.
        if (mongo.collectionExists(collection)) {
            mongo.dropCollection(collection);
        }
    }

    /** A write outside a unit of work: straight to the store, remembered once it is there. */
    private void saveNow(String id, T document) {
        try {
            mongo.save(document, collection);
        } catch (RuntimeException e) {
            forgetAll(); // whether it was written is unknown: read it back next time
            throw e;
        }
        remember(id, document);
    }

    private void remember(String id, T document) {
        if (written != null) {
            written.put(id, document);
        }
    }

    private void forgetAll() {
        if (written != null) {
            written.clear();
        }
    }

    private Pending<T> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey,
                key -> new Pending<>(this, root.getResource(RebuildScope.RESOURCE)));
    }

    private void write(Map<String, T> documents, Set<String> inserts) {
        if (documents.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkMode.ORDERED, type, collection);
        documents.forEach((id, document) -> {
            if (inserts.contains(id)) {
                bulk.insert(document);
            } else {
                bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), document,
                        FindAndReplaceOptions.options().upsert());
            }
        });
        try {
            bulk.execute();
        } catch (RuntimeException e) {
            forgetAll(); // part of the write may have happened: read back what the store has
            throw e;
        }
        documents.forEach(this::remember);
    }

    /** A transition waiting for its document to be read, and where to start if there is none. */
    private record Step<T>(Supplier<T> absent, UnaryOperator<T> transition) {
    }

    /** The documents a batch has changed, not yet written. */
    static final class Pending<T> {
        private final ReadModel<T> model;
        private final RebuildScope rebuild;
        private final Map<String, T> changed = new LinkedHashMap<>();
        /** Documents not yet read, with the transitions waiting for them (never in a rebuild). */
        private final Map<String, List<Step<T>>> deferred = new LinkedHashMap<>();

        private Pending(ReadModel<T> model, RebuildScope rebuild) {
            this.model = model;
            this.rebuild = rebuild;
        }

        /** Adds the transition to those already waiting for the document; false if none are. */
        boolean defer(String id, Supplier<T> absent, UnaryOperator<T> transition) {
            List<Step<T>> waiting = deferred.get(id);
            if (waiting == null) {
                return false;
            }
            waiting.add(new Step<>(absent, transition));
            return true;
        }

        /** Reads the documents transitions wait for, in one query, and applies the transitions in order. */
        private void resolve() {
            if (deferred.isEmpty()) {
                return;
            }
            Map<String, T> stored = model.stored(deferred.keySet());
            deferred.forEach((id, steps) -> {
                T document = stored.get(id);
                boolean changedHere = false;
                for (Step<T> step : steps) {
                    if (document == null) {
                        document = step.absent().get();
                        changedHere = document != null;
                    }
                    if (document != null) {
                        T next = step.transition().apply(document);
                        changedHere |= next != document;
                        document = next;
                    }
                }
                if (changedHere) {
                    changed.put(id, document);
                }
            });
            deferred.clear();
        }

        /** The document as this batch, or the rebuild it belongs to, last left it; null if neither has it. */
        T known(String id) {
            T changedHere = changed.get(id);
            if (changedHere != null || rebuild == null) {
                return changedHere;
            }
            return model.type.cast(rebuild.recent(model.collection, id));
        }

        /**
         * Takes the batch's changes out and returns their write, to run now or on another thread.
         * In a rebuild nothing is written here: the changes are held by the rebuild, which writes
         * each document once it leaves memory or the pass ends ({@link RebuildScope}).
         */
        Runnable detach() {
            resolve();
            if (changed.isEmpty()) {
                return () -> { };
            }
            Map<String, T> documents = new LinkedHashMap<>(changed);
            changed.clear();
            if (rebuild != null) {
                documents.forEach((id, document) -> rebuild.hold(model, id, document));
                return () -> { };
            }
            return () -> model.write(documents, Set.of());
        }
    }

    /**
     * A one-pass rebuild into emptied collections ({@link ReadModelRebuild}), across its batches.
     * The most recently changed documents stay in memory, and a document is written only when it
     * leaves memory or the pass ends: in a rebuild of a million events each supporter's documents
     * were written again in every batch, 78,000 of 268,000 writes. A document's first write is an
     * insert rather than an upsert.
     *
     * <p>Writes run on another thread, one batch behind the handling ({@link #takeLeaving}), so a
     * document that left memory is still found here until its write is known to be done
     * ({@link #previousWritten}).
     */
    static final class RebuildScope {
        static final String RESOURCE = "read-model:rebuild";

        private record Held(ReadModel<?> model, String id, Object document) {
        }

        private final Set<String> stored = new HashSet<>();
        private final Map<String, Held> recent;
        /** Left memory in this batch, not yet handed to the writer. */
        private Map<String, Held> leaving = new LinkedHashMap<>();
        /** Handed to the writer with the last batch, and with the one before (maybe still running). */
        private Map<String, Held> writing = Map.of();
        private Map<String, Held> writingBefore = Map.of();

        RebuildScope(int keepRecent) {
            this.recent = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
                    if (size() <= keepRecent) {
                        return false;
                    }
                    leaving.put(eldest.getKey(), eldest.getValue());
                    return true;
                }
            };
        }

        <T> void hold(ReadModel<T> model, String id, T document) {
            String key = model.collection + '/' + id;
            leaving.remove(key);
            recent.put(key, new Held(model, id, document));
        }

        /** The document as the rebuild last left it; null if it never changed it. */
        Object recent(String collection, String id) {
            String key = collection + '/' + id;
            Held held = recent.get(key);
            if (held == null) {
                held = leaving.get(key);
            }
            if (held == null) {
                held = writing.get(key);
            }
            if (held == null) {
                held = writingBefore.get(key);
            }
            return held == null ? null : held.document();
        }

        /** The write of the documents that left memory in this batch, to run after the last batch's. */
        Runnable takeLeaving() {
            Map<String, Held> batch = leaving;
            leaving = new LinkedHashMap<>();
            writingBefore = writing;
            writing = batch;
            return writeOf(batch.values());
        }

        /** The write of every document still held, at the end of the pass, after every batch's. */
        Runnable takeAll() {
            Map<String, Held> rest = new LinkedHashMap<>(leaving);
            rest.putAll(recent);
            leaving = new LinkedHashMap<>();
            recent.clear();
            return writeOf(rest.values());
        }

        /** The writes handed over before the last batch's are done: their documents are in the store. */
        void previousWritten() {
            writingBefore = Map.of();
        }

        /** One bulk write per collection; a document's first write in this rebuild is an insert. */
        private Runnable writeOf(Collection<Held> documents) {
            Map<ReadModel<?>, Map<String, Object>> byModel = new LinkedHashMap<>();
            Map<ReadModel<?>, Set<String>> inserts = new HashMap<>();
            for (Held held : documents) {
                byModel.computeIfAbsent(held.model(), model -> new LinkedHashMap<>()).put(held.id(), held.document());
                if (stored.add(held.model().collection + '/' + held.id())) {
                    inserts.computeIfAbsent(held.model(), model -> new HashSet<>()).add(held.id());
                }
            }
            return () -> byModel.forEach((model, changed) ->
                    model.writeAll(changed, inserts.getOrDefault(model, Set.of())));
        }
    }

    private void writeAll(Map<String, Object> documents, Set<String> inserts) {
        Map<String, T> typed = new LinkedHashMap<>();
        documents.forEach((id, document) -> typed.put(id, type.cast(document)));
        write(typed, inserts);
    }
}

package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where this process is a read model's only writer, the documents it last wrote are read from
 * memory, and the least recently used leaves first. Each test changes a document in the store
 * behind the read model's back: an update read from memory does not see that change.
 */
class ReadModelMemoryTest {

    record Doc(String id, int version) {
    }

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo("memory");
    private MongoTemplate mongo;
    private ReadModel<Doc> docs;

    @BeforeEach
    void startStore() {
        mongo = store.template();
        docs = new ReadModel<>(mongo, Doc.class, "docs", Doc::id, 3);
    }

    private void bump(String id) {
        docs.update(id, doc -> new Doc(id, doc.version() + 1));
    }

    private void changeBehindItsBack(String id, int version) {
        mongo.save(new Doc(id, version), "docs");
    }

    private Doc stored(String id) {
        return mongo.findById(id, Doc.class, "docs");
    }

    @Test
    void theNewestDocumentIsReadFromMemoryEvenWhenOlderOnesWereUsedMoreOften() {
        for (String id : new String[] {"x", "y", "z"}) {
            docs.put(new Doc(id, 0));
            for (int i = 0; i < 20; i++) {
                bump(id);
            }
        }
        docs.put(new Doc("new", 0));
        changeBehindItsBack("new", 100);

        bump("new");

        assertThat(stored("new")).isEqualTo(new Doc("new", 1));
    }

    @Test
    void theLeastRecentlyUsedDocumentLeavesMemoryFirstAndIsThenReadFromTheStore() {
        docs.put(new Doc("a", 0));
        docs.put(new Doc("b", 0));
        docs.put(new Doc("c", 0));
        bump("a"); // now "b" is the least recently used
        docs.put(new Doc("d", 0));
        changeBehindItsBack("a", 100);
        changeBehindItsBack("b", 100);

        bump("a");
        bump("b");

        assertThat(stored("a")).as("still in memory").isEqualTo(new Doc("a", 2));
        assertThat(stored("b")).as("left memory: read from the store").isEqualTo(new Doc("b", 101));
    }
}

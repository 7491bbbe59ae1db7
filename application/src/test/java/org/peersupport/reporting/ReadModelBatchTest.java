package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Inside a processor's batch, documents neither the batch nor memory knows are read together when
 * the batch is written, their transitions applied in the order they came; a transition that changes
 * nothing writes nothing.
 */
class ReadModelBatchTest {

    record Doc(String id, int version, String trail) {
        Doc then(String step) {
            return new Doc(id, version + 1, trail + step);
        }
    }

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo("batches");
    private MongoTemplate mongo;
    private ReadModel<Doc> docs;

    @BeforeEach
    void startStore() {
        mongo = store.template();
        docs = new ReadModel<>(mongo, Doc.class, "docs", Doc::id, 100);
    }

    /** Runs the changes as one batch, written at its end as the processors do. */
    private static void batch(Runnable changes) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            changes.run();
            ReadModelBatches.flushPending(unitOfWork);
        } finally {
            unitOfWork.commit();
        }
    }

    private Doc stored(String id) {
        return mongo.findById(id, Doc.class, "docs");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void droppingACollectionThatIsNotThereLogsNoErrorAndDroppingOneThatIsEmptiesIt(CapturedOutput output) {
        docs.drop();
        docs.put(new Doc("a", 1, "stored"));
        assertThat(stored("a")).isNotNull();

        docs.drop();

        assertThat(mongo.collectionExists("docs")).isFalse();
        assertThat(stored("a")).isNull();
        // The in-process server logs dropping a missing collection as an error, with its stack.
        assertThat(output.getAll()).doesNotContain("ns not found");
    }

    @Test
    void documentsNotInMemoryGetTheirTransitionsInOrderOnceTheBatchReadsThem() {
        mongo.save(new Doc("old", 1, "stored"), "docs"); // written by someone else: not in memory

        batch(() -> {
            docs.update("old", doc -> doc.then(">a"));
            docs.change("new", () -> new Doc("new", 0, "started"), doc -> doc.then(">b"));
            docs.update("old", doc -> doc.then(">c"));
            docs.update("new", doc -> doc.then(">d"));
            docs.update("missing", doc -> doc.then(">never"));
            assertThat(stored("old")).as("nothing written before the batch ends").isEqualTo(new Doc("old", 1, "stored"));
        });

        assertThat(stored("old")).isEqualTo(new Doc("old", 3, "stored>a>c"));
        assertThat(stored("new")).isEqualTo(new Doc("new", 2, "started>b>d"));
        assertThat(stored("missing")).as("an update of nothing creates nothing").isNull();
    }

    @Test
    void aDocumentPutInTheBatchReplacesTransitionsStillWaitingForIt() {
        mongo.save(new Doc("d", 5, "stored"), "docs");

        batch(() -> {
            docs.update("d", doc -> doc.then(">lost"));
            docs.put(new Doc("d", 0, "put"));
            docs.update("d", doc -> doc.then(">kept"));
        });

        assertThat(stored("d")).isEqualTo(new Doc("d", 1, "put>kept"));
    }

    @Test
    void aTransitionThatChangesNothingWritesNothing() {
        batch(() -> docs.put(new Doc("same", 0, "first")));
        mongo.save(new Doc("same", 9, "changed behind its back"), "docs");

        batch(() -> docs.update("same", doc -> doc)); // from memory, unchanged
        batch(() -> docs.change("other", () -> new Doc("other", 0, "created"), doc -> doc));

        assertThat(stored("same")).as("not written again").isEqualTo(new Doc("same", 9, "changed behind its back"));
        assertThat(stored("other")).as("a new document is written even if the transition keeps it")
                .isEqualTo(new Doc("other", 0, "created"));
    }

    @Test
    void writingPendingChangesMidBatchLetsAQueryOfTheStoreSeeThem() {
        batch(() -> {
            docs.change("q", () -> new Doc("q", 0, ""), doc -> doc.then("x"));
            docs.writePending();
            assertThat(docs.find(new Query())).containsExactly(new Doc("q", 1, "x"));
            docs.update("q", doc -> doc.then("y"));
        });

        assertThat(stored("q")).isEqualTo(new Doc("q", 2, "xy"));
    }
}

package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A one-pass rebuild keeps changed documents in memory and writes each once it leaves memory or
 * the pass ends, one batch behind the handling, as {@link ReadModelRebuild} runs it.
 */
class RebuildScopeTest {

    record Doc(String id, int version) {
    }

    @RegisterExtension
    final InMemoryMongo store = new InMemoryMongo("rebuild");
    private MongoTemplate mongo;
    private ReadModel<Doc> docs;

    @BeforeEach
    void startStore() {
        mongo = store.template();
        docs = new ReadModel<>(mongo, Doc.class, "docs", Doc::id, 0);
    }

    /** Handles one batch in a unit of work, as the rebuild does; returns its writes, not yet run. */
    private static Runnable batch(ReadModel.RebuildScope scope, Runnable changes) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unitOfWork.resources().put(ReadModel.RebuildScope.RESOURCE, scope);
        List<Runnable> writes;
        try {
            changes.run();
            writes = ReadModelBatches.detachPending(unitOfWork);
        } finally {
            unitOfWork.commit();
        }
        writes.add(scope.takeLeaving());
        return () -> writes.forEach(Runnable::run);
    }

    private List<Doc> stored() {
        return mongo.findAll(Doc.class, "docs");
    }

    @Test
    void eachDocumentIsWrittenWhenItLeavesMemoryOrAtTheEndAndTheLatestChangeIsWhatIsStored() {
        ReadModel.RebuildScope scope = new ReadModel.RebuildScope(2);

        Runnable first = batch(scope, () -> {
            docs.put(new Doc("a", 1));
            docs.put(new Doc("b", 1));
            docs.put(new Doc("c", 1));
        });
        // "a" has left memory and its write has not run: the next batch still finds it.
        Runnable second = batch(scope, () -> docs.update("a", doc -> new Doc("a", doc.version() + 1)));
        assertThat(stored()).as("nothing written before the writer runs").isEmpty();

        first.run();
        scope.previousWritten();
        assertThat(stored()).as("only what left memory").containsExactly(new Doc("a", 1));

        Runnable third = batch(scope, () -> {
            docs.update("b", doc -> new Doc("b", doc.version() + 1));
            docs.update("c", doc -> new Doc("c", doc.version() + 1));
            docs.put(new Doc("d", 1));
        });
        second.run();
        scope.previousWritten();
        third.run();
        scope.takeAll().run();

        assertThat(stored()).containsExactlyInAnyOrder(new Doc("a", 2), new Doc("b", 2), new Doc("c", 2),
                new Doc("d", 1));
    }

    @Test
    void documentsThatStayInMemoryAreWrittenOnceAtTheEnd() {
        ReadModel.RebuildScope scope = new ReadModel.RebuildScope(10);
        Runnable previous = () -> { };
        for (int version = 1; version <= 5; version++) {
            int v = version;
            Runnable writes = batch(scope, () -> docs.put(new Doc("supporter", v)));
            previous.run();
            scope.previousWritten();
            previous = writes;
            assertThat(stored()).as("batch " + v).isEmpty();
        }
        previous.run();
        scope.takeAll().run();

        assertThat(stored()).containsExactly(new Doc("supporter", 5));
    }
}

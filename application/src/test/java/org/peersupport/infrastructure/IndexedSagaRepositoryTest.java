package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The indexed repository answers as Axon's does: sagas in use in the current batch are found by
 * the associations they hold now, before the batch commits; once the batch is over, only the store
 * answers.
 */
class IndexedSagaRepositoryTest {

    /** A saga type with nothing to handle: the repository's lookups are what is tested. */
    public static class Probe {
    }

    /**
     * The same for Axon's repository in the comparison: repositories of one saga type share the
     * unit of work's list of sagas to store, and only the first would store them.
     */
    public static class AxonsProbe {
    }

    private static final AssociationValue MATCH_1 = new AssociationValue("matchId", "m-1");
    private static final AssociationValue MATCH_2 = new AssociationValue("matchId", "m-2");
    private static final AssociationValue REQUEST_1 = new AssociationValue("requestId", "r-1");

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final AnnotatedSagaRepository<Probe> indexed = indexed(store);

    private static IndexedSagaRepository<Probe> indexed(SagaStore<Object> store) {
        return new IndexedSagaRepository<>(AnnotatedSagaRepository.<Probe>builder().sagaType(Probe.class).sagaStore(store),
                Probe.class, store);
    }

    @AfterEach
    void noUnitOfWorkLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private AssociationValues associationsOf(String id) {
        return indexed.load(id).getAssociationValues();
    }

    @Test
    void sagasOfTheBatchAreFoundByTheAssociationsTheyGainedBeforeItCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        indexed.createInstance("saga-1", Probe::new).getAssociationValues().add(MATCH_1);
        indexed.createInstance("saga-2", Probe::new).getAssociationValues().add(MATCH_2);
        assertThat(indexed.find(MATCH_1)).containsExactly("saga-1");

        associationsOf("saga-1").add(REQUEST_1);

        assertThat(indexed.find(REQUEST_1)).containsExactly("saga-1");
        assertThat(indexed.find(MATCH_2)).containsExactly("saga-2");
        assertThat(store.findSagas(Probe.class, REQUEST_1)).as("not in the store before the commit").isEmpty();
        batch.commit();
    }

    @Test
    void anAssociationASagaGaveUpInTheBatchNoLongerFindsIt() {
        DefaultUnitOfWork.startAndGet(null);
        indexed.createInstance("saga-1", Probe::new).getAssociationValues().add(MATCH_1);
        assertThat(indexed.find(MATCH_1)).containsExactly("saga-1");

        associationsOf("saga-1").remove(MATCH_1);

        assertThat(indexed.find(MATCH_1)).isEmpty();
    }

    @Test
    void onceABatchIsOverOnlyTheStoreAnswers() {
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        indexed.createInstance("saga-1", Probe::new).getAssociationValues().add(MATCH_1);
        assertThat(indexed.find(MATCH_1)).containsExactly("saga-1");
        rolledBack.rollback();
        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        indexed.createInstance("saga-2", Probe::new).getAssociationValues().add(MATCH_2);
        committed.commit();

        DefaultUnitOfWork.startAndGet(null);

        assertThat(indexed.find(MATCH_1)).as("never stored").isEmpty();
        assertThat(indexed.find(MATCH_2)).as("stored").containsExactly("saga-2");
    }

    /** Random batches of creations, association changes and lookups, against Axon's own repository. */
    @Test
    void answersEveryLookupAsAxonsOwnRepositoryDoes() {
        InMemorySagaStore axonsStore = new InMemorySagaStore();
        AnnotatedSagaRepository<AxonsProbe> axons = AnnotatedSagaRepository.<AxonsProbe>builder()
                .sagaType(AxonsProbe.class).sagaStore(axonsStore).build();
        Random random = new Random(20261124);
        List<String> sagas = new ArrayList<>();
        int lookups = 0;
        for (int batchNo = 0; batchNo < 20; batchNo++) {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            int before = sagas.size();
            for (int step = 0; step < 200; step++) {
                AssociationValue association = new AssociationValue(random.nextBoolean() ? "matchId" : "requestId",
                        "v-" + random.nextInt(40));
                int action = random.nextInt(4);
                if (action == 0 || sagas.isEmpty()) {
                    String id = "saga-" + batchNo + "-" + step;
                    sagas.add(id);
                    indexed.createInstance(id, Probe::new).getAssociationValues().add(association);
                    axons.createInstance(id, AxonsProbe::new).getAssociationValues().add(association);
                } else if (action == 1) {
                    String id = sagas.get(random.nextInt(sagas.size()));
                    boolean add = random.nextBoolean();
                    for (AssociationValues values : List.of(associationsOf(id), axons.load(id).getAssociationValues())) {
                        if (add) {
                            values.add(association);
                        } else {
                            values.remove(association);
                        }
                    }
                } else {
                    Set<String> expected = axons.find(association);
                    assertThat(indexed.find(association)).as("batch %d, step %d: %s", batchNo, step, association)
                            .isEqualTo(expected);
                    lookups++;
                }
            }
            if (random.nextInt(4) == 0) {
                batch.rollback();
                sagas.subList(before, sagas.size()).clear(); // never stored
            } else {
                batch.commit();
            }
        }
        assertThat(lookups).isGreaterThan(1000);
    }
}

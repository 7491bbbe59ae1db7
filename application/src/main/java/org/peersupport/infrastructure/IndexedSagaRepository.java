package org.peersupport.infrastructure;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSaga;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.SagaStore;

/**
 * Axon's saga repository, finding the sagas in use by association through an index.
 * <p>
 * A saga's new associations reach the store only when its unit of work commits, so Axon's
 * {@code find} also looks through every saga in use, and a processor's unit of work is its whole
 * batch: with batches of up to 1,000 events, each event's lookup went through hundreds of sagas, a
 * third of the saga processor's samples in an append's profile. Here the sagas in use are indexed by
 * their associations, brought up to date at each lookup for the sagas loaded or created since the
 * last (only handling a saga changes its associations, and a saga is loaded before it is handled).
 * The answers are Axon's: the store's, and the sagas in use that hold the association now.
 * <p>
 * Sagas are registered with it through {@link #registration}, not Spring's {@code @Saga}, which
 * offers no way to choose a saga's repository.
 */
public final class IndexedSagaRepository<T> extends AnnotatedSagaRepository<T> {

    private final Class<T> sagaType;
    private final SagaStore<? super T> store;
    /** The sagas in use, by identifier: those Axon's repository holds between load and clean-up. */
    private final Map<String, AnnotatedSaga<T>> inUse = new HashMap<>();
    private final InvertedIndex<AssociationValue, String> inUseByAssociation = new InvertedIndex<>();
    /** Sagas loaded or created since the index was brought up to date; their associations may have changed. */
    private final Set<String> usedSinceLastFind = new LinkedHashSet<>();

    IndexedSagaRepository(Builder<T> builder, Class<T> sagaType, SagaStore<? super T> store) {
        super(builder);
        this.sagaType = sagaType;
        this.store = store;
    }

    /** Registers the saga type with this repository, configured as Axon's default one would be. */
    public static <T> ConfigurerModule registration(Class<T> sagaType) {
        return configurer -> configurer.eventProcessing().registerSaga(sagaType, saga -> saga.configureRepository(
                config -> {
                    SagaStore<? super T> store = config.eventProcessingConfiguration().sagaStore();
                    return new IndexedSagaRepository<>(AnnotatedSagaRepository.<T>builder()
                            .sagaType(sagaType)
                            .sagaStore(store)
                            .resourceInjector(config.resourceInjector())
                            .parameterResolverFactory(config.parameterResolverFactory())
                            .handlerDefinition(config.handlerDefinition(sagaType)), sagaType, store);
                }));
    }

    @Override
    public AnnotatedSaga<T> doLoad(String sagaIdentifier) {
        AnnotatedSaga<T> saga = super.doLoad(sagaIdentifier);
        if (saga != null) {
            inUse(saga);
        }
        return saga;
    }

    @Override
    public AnnotatedSaga<T> doCreateInstance(String sagaIdentifier, Supplier<T> sagaFactory) {
        AnnotatedSaga<T> saga = super.doCreateInstance(sagaIdentifier, sagaFactory);
        inUse(saga);
        return saga;
    }

    @Override
    public Set<String> find(AssociationValue associationValue) {
        Set<String> found = new TreeSet<>(store.findSagas(sagaType, associationValue));
        synchronized (this) {
            usedSinceLastFind.forEach(this::index);
            usedSinceLastFind.clear();
            for (String id : inUseByAssociation.positions(associationValue)) {
                // the index may still list an association the saga has since given up
                if (inUse.get(id).getAssociationValues().contains(associationValue)) {
                    found.add(id);
                }
            }
        }
        return found;
    }

    /** Kept until the unit of work that first used it is cleaned up, as Axon's repository keeps it. */
    private synchronized void inUse(AnnotatedSaga<T> saga) {
        String id = saga.getSagaIdentifier();
        if (inUse.putIfAbsent(id, saga) == null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onCleanup(unitOfWork -> forget(id));
        }
        usedSinceLastFind.add(id);
    }

    private void index(String id) {
        AnnotatedSaga<T> saga = inUse.get(id);
        if (saga == null) {
            return;
        }
        for (AssociationValue association : saga.getAssociationValues()) {
            inUseByAssociation.add(id, association);
        }
    }

    private synchronized void forget(String id) {
        inUse.remove(id);
        usedSinceLastFind.remove(id);
        inUseByAssociation.remove(id);
    }
}

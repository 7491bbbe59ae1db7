package org.peersupport.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.peersupport.kernel.Aggregates;
import org.peersupport.privacy.PersonalDataJacksonModule;
import org.peersupport.security.ActorStamp;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon wiring shared by both deployments. Events, messages and tokens use one Jackson 2 serializer
 * that seals personal data (STACK.md gotcha 1); tracking tokens and sagas live in MongoDB beside
 * the read models; every processor reads in batches (STACK.md gotcha 6).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    @Primary
    Serializer serializer(PersonalDataJacksonModule personalData) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new IsoDates())
                .registerModule(personalData)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ClassCachingJacksonSerializer(
                JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization());
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** One cache of loaded aggregates per aggregate type, by the names in {@link Aggregates#CACHES}. */
    @Bean
    static BeanDefinitionRegistryPostProcessor aggregateCaches() {
        return new AggregateCache.Definitions(Aggregates.CACHES);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, @Value("${peersupport.mongo.axon-database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * Sagas in MongoDB behind Axon's caching saga store: the saga processor finds a saga by its
     * association and loads it from memory instead of querying the collection, which the
     * in-process server answers by reading and decoding every live saga (it has no index for an
     * association). In the append's profiles such scans, of sagas and of tracking tokens, were a
     * quarter to a third of that server's time.
     * Safe because this process is the only writer of its sagas; the caches are bounded, and a saga
     * that falls out is read from the collection again. Each saga's update and deletion finds it by
     * its identifier: unindexed, that too read every live saga, so the identifier is indexed. So are
     * the associations, for the lookups the caches cannot answer (a new match's, a request's first):
     * MongoDB uses the index as it is; the in-process server through {@code ReadModelStoreBackend}'s
     * index that is not unique (its own ignores such indexes).
     */
    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("sagaIdentifier"), new IndexOptions().unique(true));
        axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("associations"));
        return CachingSagaStore.builder()
                .delegateSagaStore(MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build())
                .associationsCache(new AggregateCache(AggregateCache.MAXIMUM_SIZE))
                .sagaCache(new AggregateCache(AggregateCache.MAXIMUM_SIZE))
                .build();
    }

    /** Who did it travels from the command to every event it causes: auditors ask "by whose hand". */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorStamp.ACTOR);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Every tracking processor reads in batches (STACK.md gotcha 6) and stores its token only when
     * the batch commits, after its read-model writes. Axon's default with a transaction manager is to
     * store the token first, which is safe only when token and read models share that transaction;
     * here both live in MongoDB, outside it, and a kill -9 mid-batch skipped the batch for read models
     * and the saga (found by the crash harness). Now a crash can only repeat a batch, and every
     * handler is idempotent. A batch may wait a moment for more events to fill it ({@link GatheredBatches}),
     * and each event goes straight to the handlers of its type ({@link HandlersByType}); a processor
     * asked to stop does so within about 20 ms of its current batch instead of up to a second.
     */
    @Bean
    ConfigurerModule trackingProcessorsStoreTokensAfterProcessing(
            @Value("${peersupport.processors.batch-size}") int batchSize,
            @Value("${peersupport.processors.gather-ms}") long gatherMs) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerEventProcessorFactory(
                (name, config, invoker) -> {
                    AtomicReference<TrackingEventProcessor> self = new AtomicReference<>();
                    TrackingEventProcessor processor = TrackingEventProcessor.builder()
                            .name(name)
                            .eventHandlerInvoker(HandlersByType.of(invoker))
                            .messageSource(GatheredBatches.of(config.eventStore(), Duration.ofMillis(gatherMs),
                                    () -> self.get() == null || self.get().isRunning()))
                            .tokenStore(config.getComponent(TokenStore.class))
                            .transactionManager(config.getComponent(TransactionManager.class))
                            .messageMonitor(config.messageMonitor(TrackingEventProcessor.class, name))
                            .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                                    .forSingleThreadedProcessing().andBatchSize(batchSize))
                            .storingTokensAfterProcessing()
                            .build();
                    self.set(processor);
                    return processor;
                }));
    }

    @Bean
    ConfigurerModule ruleViolationsTravelAsDetails() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerHandlerInterceptor(new RuleViolationInterceptor())));
    }

}

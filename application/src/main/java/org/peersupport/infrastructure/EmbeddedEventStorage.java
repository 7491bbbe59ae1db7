package org.peersupport.infrastructure;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store: Axon's JPA storage engine on the H2 file, as Axon's auto-configuration
 * would build it, except for how a tracking reader asks for events it may have missed, and a
 * schema created on first start only (below).
 * Production uses Axon Server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EmbeddedEventStorage {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return new GapQueriesApart(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /**
     * Hibernate creates the event store's tables on first start only. Checking an existing schema
     * ({@code ddl-auto: update}) reads index statistics of every table, which took 5.5 of a cold
     * start's 16.2 s on a store of a million events (10.8 s without it).
     */
    @Bean
    HibernatePropertiesCustomizer schemaCreatedOnFirstStartOnly(DataSource dataSource) {
        return properties -> {
            if (eventTableExists(dataSource)) {
                properties.put("hibernate.hbm2ddl.auto", "none");
            }
        };
    }

    private static boolean eventTableExists(DataSource dataSource) {
        Integer tables = new JdbcTemplate(dataSource).queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'domain_event_entry'", Integer.class);
        return tables != null && tables > 0;
    }

    /**
     * Reads "after position p, or at one of these gaps" as two indexed queries. Axon asks it as one
     * query with {@code globalIndex > :p OR globalIndex IN :gaps}, which H2 answers by scanning the
     * whole table; with several writers there are nearly always gaps, so every poll by every
     * tracking processor cost time in proportion to the history (the benchmark's profile).
     * The result is the same: the gap events (all below p) in order, then those after p, up to
     * the batch size.
     */
    static final class GapQueriesApart extends JpaEventStorageEngine {

        private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
                + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

        GapQueriesApart(Builder builder) {
            super(builder);
        }

        @Override
        protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
            if (token == null || token.getGaps().isEmpty()) {
                return super.fetchEvents(token);
            }
            List<Object[]> events = new ArrayList<>(entityManager().createQuery(COLUMNS + domainEventEntryEntityName()
                            + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC", Object[].class)
                    .setParameter("gaps", token.getGaps())
                    .setMaxResults(batchSize())
                    .getResultList());
            if (events.size() < batchSize()) {
                events.addAll(entityManager().createQuery(COLUMNS + domainEventEntryEntityName()
                                + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC", Object[].class)
                        .setParameter("token", token.getIndex())
                        .setMaxResults(batchSize() - events.size())
                        .getResultList());
            }
            return events;
        }
    }
}

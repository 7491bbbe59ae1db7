package org.peersupport.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store: Axon's JDBC storage engine on the H2 file. Production uses Axon Server.
 * <p>
 * Plain JDBC rather than JPA: Hibernate's start-up took 3.3 s of a 12.1 s cold start, and nothing
 * else here uses it. The tables are those Axon's JPA entities had (snake_case, global indexes from
 * {@code domain_event_sequence} one at a time), so a store written by an earlier version opens
 * unchanged; the only difference, the index's default, is set on first start (below).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EmbeddedEventStorage {

    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** Columns every stored message has, event or snapshot. */
    private static final String MESSAGE_COLUMNS = """
            event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BLOB, payload BLOB NOT NULL,
            payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
            aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL""";

    /** The tables as Axon's JPA entities were mapped, so stores of either origin are the same. */
    private static final List<String> TABLES = List.of(
            "CREATE SEQUENCE IF NOT EXISTS domain_event_sequence START WITH 1 INCREMENT BY 1",
            "CREATE TABLE IF NOT EXISTS domain_event_entry (global_index BIGINT DEFAULT NEXT VALUE FOR "
                    + "domain_event_sequence NOT NULL PRIMARY KEY, " + MESSAGE_COLUMNS + ", type VARCHAR(255), "
                    + "UNIQUE (aggregate_identifier, sequence_number))",
            "CREATE TABLE IF NOT EXISTS snapshot_event_entry (" + MESSAGE_COLUMNS + ", type VARCHAR(255) NOT NULL, "
                    + "PRIMARY KEY (aggregate_identifier, sequence_number, type))");

    /** SQL states of a unique key already taken: the standard one and H2's older code. */
    private static final Set<String> DUPLICATE_KEY = Set.of("23505", "23001");

    @Bean
    EventSchema eventSchema() {
        return SCHEMA;
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          TransactionManager transactionManager,
                                          DataSource dataSource) {
        createTables(dataSource);
        return new EventStoreEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(EmbeddedEventStorage::isDuplicateKey)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                // the connection of the unit of work's Spring transaction, so events commit with it
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .readEventDataWithGaps(EmbeddedEventStorage::readAfterOrAtGaps));
    }

    /**
     * A second event at the same (aggregate, sequence) is a concurrent change, which Axon turns into a
     * retry or a 409. H2 reports it through a batch-update exception that Axon's own JDBC resolver
     * does not recognise (with it, racing commands got a 500 in ConcurrentCommandsTest).
     */
    static boolean isDuplicateKey(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (DUPLICATE_KEY.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Creates the tables of a new store; on a store Hibernate created, gives the global index the
     * sequence as its default (Hibernate drew the value itself). Each step is skipped when done.
     */
    static void createTables(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TABLES.forEach(jdbc::execute);
        String indexDefault = jdbc.queryForObject("SELECT column_default FROM information_schema.columns "
                + "WHERE lower(table_name) = 'domain_event_entry' AND lower(column_name) = 'global_index'", String.class);
        if (indexDefault == null) {
            jdbc.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index "
                    + "SET DEFAULT NEXT VALUE FOR domain_event_sequence");
        }
    }

    /**
     * Reads "at one of these gaps, or after position p" as two indexed queries joined. Axon asks it
     * as one query with {@code (globalIndex > p AND ...) OR globalIndex IN (gaps)}, for which H2's plan
     * walks the primary key from its first row (EXPLAIN); with several writers there are nearly always
     * gaps, so every poll by every tracking processor cost time in proportion to the history (the
     * benchmark's profile of the same query under JPA).
     */
    static PreparedStatement readAfterOrAtGaps(Connection connection, EventSchema schema, long globalIndex,
                                               int batchSize, List<Long> gaps) throws SQLException {
        String from = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        String sql = "SELECT * FROM ((" + from + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                + ") ORDER BY " + index + " LIMIT ?) UNION ALL (" + from + index + " > ? ORDER BY " + index
                + " LIMIT ?)) ORDER BY " + index + " LIMIT ?";
        PreparedStatement statement = connection.prepareStatement(sql);
        int at = 1;
        for (Long gap : gaps) {
            statement.setLong(at++, gap);
        }
        statement.setInt(at++, batchSize);
        statement.setLong(at++, globalIndex);
        statement.setInt(at++, batchSize);
        statement.setInt(at, batchSize);
        return statement;
    }
}

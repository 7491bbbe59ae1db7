package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store's tables: the same whether this version created them or an earlier one
 * (Axon's JPA entities through Hibernate) did, and read with indexed queries.
 */
class EventStoreTablesTest {

    /** The tables as Hibernate created them (H2's SCRIPT of such a store, constraint names shortened). */
    private static final List<String> HIBERNATE_STORE = List.of(
            "CREATE SEQUENCE domain_event_sequence START WITH 1 RESTART WITH 14",
            """
            CREATE CACHED TABLE domain_event_entry(global_index BIGINT NOT NULL,
                event_identifier CHARACTER VARYING(255) NOT NULL, meta_data BINARY LARGE OBJECT,
                payload BINARY LARGE OBJECT NOT NULL, payload_revision CHARACTER VARYING(255),
                payload_type CHARACTER VARYING(255) NOT NULL, time_stamp CHARACTER VARYING(255) NOT NULL,
                aggregate_identifier CHARACTER VARYING(255) NOT NULL, sequence_number BIGINT NOT NULL,
                type CHARACTER VARYING(255))""",
            "ALTER TABLE domain_event_entry ADD CONSTRAINT pk PRIMARY KEY(global_index)",
            "ALTER TABLE domain_event_entry ADD CONSTRAINT uk_id UNIQUE NULLS DISTINCT (event_identifier)",
            "ALTER TABLE domain_event_entry ADD CONSTRAINT uk_seq UNIQUE NULLS DISTINCT "
                    + "(aggregate_identifier, sequence_number)",
            """
            CREATE CACHED TABLE snapshot_event_entry(aggregate_identifier CHARACTER VARYING(255) NOT NULL,
                sequence_number BIGINT NOT NULL, type CHARACTER VARYING(255) NOT NULL,
                event_identifier CHARACTER VARYING(255) NOT NULL, meta_data BINARY LARGE OBJECT,
                payload BINARY LARGE OBJECT NOT NULL, payload_revision CHARACTER VARYING(255),
                payload_type CHARACTER VARYING(255) NOT NULL, time_stamp CHARACTER VARYING(255) NOT NULL,
                PRIMARY KEY (aggregate_identifier, sequence_number, type))""");

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aStoreHibernateCreatedOpensAndItsGlobalIndexGoesOnFromTheSequence() {
        HIBERNATE_STORE.forEach(jdbc::execute);
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number) VALUES (13, 'e13', X'00', 'T', 't', 'a', 0)");

        EmbeddedEventStorage.createTables(dataSource);
        EmbeddedEventStorage.createTables(dataSource);
        append("a", 1);
        append("b", 0);

        assertThat(jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class))
                .containsExactly(13L, 14L, 15L);
    }

    @Test
    void aNewStoreHandsOutGlobalIndexesOneAtATime() {
        EmbeddedEventStorage.createTables(dataSource);
        append("a", 0);
        append("a", 1);
        append("b", 0);

        assertThat(jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aSecondEventAtTheSameSequenceIsADuplicateKeyAndAMissingValueIsNot() throws SQLException {
        EmbeddedEventStorage.createTables(dataSource);
        append("a", 0);

        SQLException duplicate = batchError("INSERT INTO domain_event_entry (event_identifier, payload, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number) VALUES ('again', X'00', 'T', 't', 'a', 0)");
        SQLException missing = batchError("INSERT INTO domain_event_entry (event_identifier, payload, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number) VALUES ('other', X'00', 'T', 't', NULL, 1)");

        assertThat(EmbeddedEventStorage.isDuplicateKey(new IllegalStateException("wrapped", duplicate))).isTrue();
        assertThat(EmbeddedEventStorage.isDuplicateKey(missing)).isFalse();
    }

    @Test
    void gapsThenLaterEventsAreReadInOrderUpToTheBatchSize() throws SQLException {
        EmbeddedEventStorage.createTables(dataSource);
        for (int i = 0; i < 10; i++) {
            append("a", i);
        }

        assertThat(read(6, 3, List.of(2L, 4L))).containsExactly(2L, 4L, 7L);
        assertThat(read(6, 5, List.of(2L, 4L))).containsExactly(2L, 4L, 7L, 8L, 9L);
        assertThat(read(6, 1, List.of(2L, 4L))).containsExactly(2L);
        assertThat(read(9, 5, List.of(5L))).containsExactly(5L, 10L);
    }

    @Test
    void aTrackedEventKeepsTheGapsBeforeItOnlyWhileItIsRecent() throws SQLException {
        EmbeddedEventStorage.createTables(dataSource);
        EventStoreEngine engine = new EventStoreEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection).transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).schema(EmbeddedEventStorage.SCHEMA));
        String now = DateTimeUtils.formatInstant(Instant.now());
        appendAt(5, "old", "2020-01-01T00:00:00.000Z");
        appendAt(6, "recent", now);
        GapAwareTrackingToken atTwo = GapAwareTrackingToken.newInstance(2, Collections.emptySortedSet());

        assertThat(trackedAt(engine, 5, atTwo).getGaps()).as("3 and 4 will never come").isEmpty();
        assertThat(trackedAt(engine, 6, atTwo).getGaps()).as("3, 4 and 5 may still come").containsExactly(3L, 4L, 5L);
    }

    private void appendAt(long globalIndex, String aggregate, String timestamp) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number) VALUES (?, ?, X'00', 'T', ?, ?, 0)",
                globalIndex, UUID.randomUUID().toString(), timestamp, aggregate);
    }

    private GapAwareTrackingToken trackedAt(EventStoreEngine engine, long globalIndex, GapAwareTrackingToken previous)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT * FROM domain_event_entry WHERE global_index = " + globalIndex);
             ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return (GapAwareTrackingToken) engine.getTrackedEventData(rows, previous).trackingToken();
        }
    }

    private void append(String aggregate, long sequence) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp, "
                + "aggregate_identifier, sequence_number) VALUES (?, X'00', 'T', 't', ?, ?)",
                UUID.randomUUID().toString(), aggregate, sequence);
    }

    /** The exception a batch of one statement fails with, as the storage engine writes events. */
    private SQLException batchError(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.addBatch();
            statement.executeBatch();
        } catch (SQLException expected) {
            return expected;
        }
        throw new AssertionError("the batch was written: " + sql);
    }

    private List<Long> read(long after, int batchSize, List<Long> gaps) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = EmbeddedEventStorage.readAfterOrAtGaps(connection,
                     EmbeddedEventStorage.SCHEMA, after, batchSize, gaps);
             ResultSet rows = statement.executeQuery()) {
            List<Long> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getLong("global_index"));
            }
            return indexes;
        }
    }
}

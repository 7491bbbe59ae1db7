package org.peersupport.infrastructure;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's db-scheduler deadline manager, cancelling by name and scope through an index instead of
 * a scan. Axon's own {@code cancelAllWithinScope} reads and deserialises every scheduled task of
 * every aggregate, so each answered match or closed cycle cost more as the programme's history
 * grew; the benchmark found it was most of the command path's time. The index lives beside the
 * scheduled tasks and is written in the same unit-of-work phase as they are.
 *
 * <p>Its key starts with the scope's identifier where there is one. Identifiers are time-ordered
 * (version 7 UUIDs), so the deadlines of live cases sit in the index's newest pages, and a commit
 * rewrites a few of them. A key that was only a hash put each deadline on a random page: that index
 * was 12% of all the bytes the event store's file had written after an append (docs/benchmarks.md,
 * fourteenth session). The first index ({@code deadline_index}) keyed by the hash alone is replaced
 * on start.
 */
final class IndexedDeadlineManager extends DbSchedulerDeadlineManager {

    static final String TASK_NAME = "AxonDeadline";
    private static final String INDEX = "deadline_scope_index";
    /** The index before its keys began with the identifier: dropped once the new one is filled. */
    private static final String FIRST_INDEX = "deadline_index";

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;

    IndexedDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer, JdbcTemplate jdbc) {
        super(builder);
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        createIndex(serializer);
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String id = super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        // At prepare commit, like the task itself: an aggregate's identifier may only be known once
        // its creation event has been applied.
        runOnPrepareCommitOrNow(() -> index(scopeKey(deadlineScope), deadlineName, id));
        return id;
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        // Deferred in order with schedule(): a deadline scheduled and cancelled in one unit of work
        // is cancelled, as with Axon's own implementation.
        runOnPrepareCommitOrNow(() -> {
            String key = scopeKey(scope);
            List<String> ids = jdbc.queryForList(
                    "select schedule_id from " + INDEX + " where scope_key = ? and deadline_name = ?",
                    String.class, key, deadlineName);
            if (ids.isEmpty()) {
                return; // most cancels find nothing scheduled (a review is cancelled before each is set)
            }
            ids.forEach(this::cancelTask);
            jdbc.update("delete from " + INDEX + " where scope_key = ? and deadline_name = ?", key, deadlineName);
        });
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            cancelTask(scheduleId);
            jdbc.update("delete from " + INDEX + " where schedule_id = ?", scheduleId);
        });
    }

    /**
     * Removes the scheduled task unless it is being handled at this moment (the aggregate's lock
     * orders the two; once done it is gone), as the scheduler's own {@code cancel} does, in one
     * statement instead of its read and then delete: cancelling was a sixth of the command thread's
     * time in the append's profile. A task that has fired or was cancelled is simply not there.
     */
    private void cancelTask(String scheduleId) {
        jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ? and picked = false",
                TASK_NAME, scheduleId);
    }

    /**
     * Creates the index on first start and fills it from the tasks already scheduled, so a store
     * written before the index existed (or with the first one) still cancels correctly; afterwards
     * drops entries whose deadline has fired.
     */
    void createIndex(Serializer serializer) {
        if (!tableExists(INDEX)) {
            jdbc.execute("""
                    create table %s (
                      scope_key varchar(320) not null,
                      deadline_name varchar(100) not null,
                      schedule_id varchar(100) not null,
                      primary key (scope_key, deadline_name, schedule_id))""".formatted(INDEX));
            jdbc.execute("create index " + INDEX + "_by_id on " + INDEX + " (schedule_id)");
            scheduler.fetchScheduledExecutionsForTask(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class,
                    execution -> index(scopeKey(execution.getData().getDeserializedScopeDescriptor(serializer)),
                            execution.getData().getD(), execution.getTaskInstance().getId()));
        }
        jdbc.execute("drop table if exists " + FIRST_INDEX);
        jdbc.update("delete from " + INDEX + " where schedule_id not in "
                + "(select task_instance from scheduled_tasks where task_name = ?)", TASK_NAME);
    }

    private boolean tableExists(String name) {
        Integer found = jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = ?", Integer.class, name);
        return found != null && found > 0;
    }

    private void index(String scopeKey, String deadlineName, String scheduleId) {
        jdbc.update("insert into " + INDEX + " (scope_key, deadline_name, schedule_id) values (?, ?, ?)",
                scopeKey, deadlineName, scheduleId);
    }

    /**
     * The scope's identifier, then a hash of its whole description (type included), so two scopes
     * with one identifier differ; only the hash for a scope without an identifier.
     */
    static String scopeKey(ScopeDescriptor scope) {
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(scope.scopeDescription().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        Object identifier = scope instanceof AggregateScopeDescriptor aggregate ? aggregate.getIdentifier()
                : scope instanceof SagaScopeDescriptor saga ? saga.getIdentifier() : null;
        return identifier == null ? digest : identifier + "/" + digest.substring(0, 24);
    }

    static String scopeKeyOf(String aggregateType, String aggregateId) {
        return scopeKey(new AggregateScopeDescriptor(aggregateType, (Object) aggregateId));
    }
}

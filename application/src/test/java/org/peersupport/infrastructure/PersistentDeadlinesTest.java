package org.peersupport.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time rules are persistent deadlines; these prove the running application's scheduler fires them
 * and that cancelling a deadline finds it by name and scope without scanning every scheduled task.
 */
@PeerSupportTest
class PersistentDeadlinesTest {

    private static final String RESPONSE_DUE = "response-due";

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DeadlineManager deadlines;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void aDueDeadlineFiresInTheRunningApplication() {
        assertThat(scheduler.getSchedulerState().isStarted()).as("scheduler started").isTrue();
        Api coordinator = Api.at(port).coordinator();
        String matchId = proposedMatch(coordinator);

        deadlines.schedule(clock.instant(), RESPONSE_DUE, null, new AggregateScopeDescriptor("Match", matchId));

        awaitHistoryContains(coordinator, "MatchExpired", matchId);
    }

    @Test
    void answeringAMatchCancelsItsResponseWindowByNameAndScope() {
        Api coordinator = Api.at(port).coordinator();
        String matchId = proposedMatch(coordinator);
        assertThat(pending(matchId)).as("response window scheduled").isEqualTo(1);
        String task = scheduleIdOf(matchId);
        assertThat(tasks(task)).as("its task").isEqualTo(1);

        coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);

        assertThat(pending(matchId)).as("response window cancelled").isZero();
        assertThat(tasks(task)).as("its task removed").isZero();
    }

    @Test
    void aDeadlineBeingHandledIsLeftToFinishWhenCancelled() {
        Api coordinator = Api.at(port).coordinator();
        String matchId = proposedMatch(coordinator);
        String task = scheduleIdOf(matchId);
        jdbc.update("update scheduled_tasks set picked = true where task_instance = ?", task); // firing now

        deadlines.cancelAllWithinScope(RESPONSE_DUE, new AggregateScopeDescriptor("Match", matchId));

        assertThat(tasks(task)).as("left to the scheduler, which removes it once handled").isEqualTo(1);
        assertThat(pending(matchId)).as("no longer indexed").isZero();
        jdbc.update("delete from scheduled_tasks where task_instance = ?", task); // not to fire in other tests
    }

    @Test
    void aStoreWithTheFirstIndexGetsTheNewOneFilledFromItsScheduledTasksAndCancelsThroughIt() {
        Api coordinator = Api.at(port).coordinator();
        String matchId = proposedMatch(coordinator);
        String task = scheduleIdOf(matchId);
        // A store as the twelfth session left it: the first index, keyed by a hash alone.
        jdbc.execute("drop table deadline_scope_index");
        jdbc.execute("create table deadline_index (scope_key char(64) not null, deadline_name varchar(100) not null, "
                + "schedule_id varchar(100) not null, primary key (scope_key, deadline_name, schedule_id))");

        ((IndexedDeadlineManager) deadlines).createIndex(serializer); // as on start

        assertThat(scheduleIdOf(matchId)).as("filled from the scheduled tasks").isEqualTo(task);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) = 'deadline_index'", Integer.class)).as("the first index dropped").isZero();
        coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);
        assertThat(tasks(task)).as("cancelled through the new index").isZero();
    }

    @Test
    void anIndexKeyStartsWithTheScopesIdentifierAndStillTellsScopesWithOneIdentifierApart() {
        String id = "0193a1b2-0000-7000-8000-000000000001";
        String match = IndexedDeadlineManager.scopeKeyOf("Match", id);
        String cycle = IndexedDeadlineManager.scopeKeyOf("SupportCycle", id);

        assertThat(match).startsWith(id + "/").isNotEqualTo(cycle);
        assertThat(cycle).startsWith(id + "/");
        assertThat(IndexedDeadlineManager.scopeKeyOf("Match", id)).as("the same scope, the same key").isEqualTo(match);
    }

    private String scheduleIdOf(String matchId) {
        return jdbc.queryForObject("select schedule_id from deadline_scope_index where scope_key = ? and deadline_name = ?",
                String.class, IndexedDeadlineManager.scopeKeyOf("Match", matchId), RESPONSE_DUE);
    }

    private int tasks(String scheduleId) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
                Integer.class, IndexedDeadlineManager.TASK_NAME, scheduleId);
    }

    private int pending(String matchId) {
        return jdbc.queryForObject("select count(*) from deadline_scope_index where scope_key = ? and deadline_name = ?",
                Integer.class, IndexedDeadlineManager.scopeKeyOf("Match", matchId), RESPONSE_DUE);
    }

    private static String proposedMatch(Api coordinator) {
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Timekeeper");
        String requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Waiter"))
                .expect(201).id();
        String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(supporterId))).expect(201).id();
        coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", supporterId)).expect(204);
        return matchId;
    }

    private static void awaitHistoryContains(Api coordinator, String type, String matchId) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            boolean found = coordinator.history().stream().anyMatch(e -> e.toString().contains(type)
                    && e.toString().contains(matchId));
            if (found) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(type + " for " + matchId + " never appeared");
    }
}

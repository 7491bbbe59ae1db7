package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Many commands at the same record at the same moment, over HTTP: each is recorded exactly once
 * or refused as a conflict (409 problem+json, rule ConcurrentModification) — never a 500, never a
 * lost or doubled event. Conflicts are retried on the server, so in practice every one succeeds.
 */
@PeerSupportTest
class ConcurrentCommandsTest {

    private static final int THREADS = 20;
    /** The second node writes as often as this one: one event every few milliseconds, as many as ours. */
    private static final int SECOND_NODE_WRITES = 30;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Api coordinator;
    Api auditor;
    String programmeId;

    @BeforeEach
    void setUp() {
        coordinator = Api.at(port).coordinator();
        auditor = Api.at(port).auditor();
        programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
    }

    @Test
    void sessionsRecordedConcurrentlyOnOneCycleAreEachStoredOnceAndNoneFailsWithA500() throws Exception {
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Concurrent Keeper");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        String today = serverToday(requestId).toString();
        double sharedBefore = commandsThatSharedACommit();

        List<Api.Response> responses = fireAtOnce(i -> coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("heldOn", today, "startTime", "10:00", "durationMinutes", 30,
                        "mode", i % 2 == 0 ? "VIDEO" : "PHONE")));

        List<Api.Response> recorded = assertEachRecordedOrAConflict(responses, 201);
        Set<String> sessionIds = new HashSet<>();
        recorded.forEach(r -> sessionIds.add(r.id()));
        assertThat(sessionIds).as("each recorded session has its own identifier").hasSize(recorded.size());

        assertThat(countEvents("SessionHeld", requestId)).as("every 201 is in the store, none twice")
                .isEqualTo(recorded.size());
        JsonNode view = coordinator.await("/api/requests/" + requestId,
                r -> r.get("sessionsHeld").asInt() == recorded.size());
        assertThat(view.get("stage").asString()).isEqualTo("IN_CYCLE");
        assertThat(recorded).as("conflicts are retried on the server, so all %d succeed", THREADS).hasSize(THREADS);
        assertThat(commandsThatSharedACommit() - sharedBefore).as("commands that arrived together shared commits")
                .isPositive();
    }

    @Test
    void evidenceRecordedConcurrentlyOnOneSupporterIsEachStoredOnceAndNoneFailsWithA500() throws Exception {
        String supporterId = coordinator.post("/api/supporters", Fixtures.supporterBody(programmeId,
                "Invented Busy Supporter", "north", List.of("budget"))).expect(201).id();
        List<Map<String, Object>> evidence = List.of(
                Map.of("criterion", "YEARS_AS_HEAD", "yearsAsHead", 9),
                Map.of("criterion", "LOCAL_KNOWLEDGE", "confirmed", true),
                Map.of("criterion", "COACHING_RECORD", "confirmed", true),
                Map.of("criterion", "TRAINING_COMPLETED", "date", "2025-09-01"));

        List<Api.Response> responses = fireAtOnce(i -> coordinator.post(
                "/api/supporters/" + supporterId + "/evidence", evidence.get(i % evidence.size())));

        List<Api.Response> recorded = assertEachRecordedOrAConflict(responses, 204);
        assertThat(countEvents("EligibilityEvidenceRecorded", supporterId)).as("every 204 is in the store, none twice")
                .isEqualTo(recorded.size());
        assertThat(recorded).as("conflicts are retried on the server, so all %d succeed", THREADS).hasSize(THREADS);
    }

    @Test
    void oneProgrammeDefinedTwentyTimesAtOnceIsCreatedOnceAndTheRestAreTold409AlreadyExists() throws Exception {
        String sameId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        int before = countEvents("ProgrammeDefined", sameId);

        List<Api.Response> responses = fireAtOnce(i -> coordinator.post("/api/programmes", Map.of("programmeId", sameId,
                "name", "Invented racing programme", "template", "LOCAL_AUTHORITY_PEER_SUPPORT")));

        List<Api.Response> created = assertEachRecordedOrAConflict(responses, 201, "AlreadyExists");
        assertThat(created).as("exactly one definition wins").hasSize(1);
        assertThat(countEvents("ProgrammeDefined", sameId) - before).as("and only it is stored").isEqualTo(1);
    }

    /**
     * A second application node (simulated by appending to the store directly, as Axon Server would
     * accept from another node) writes to the same cycle while these commands run: the in-process
     * aggregate lock cannot serialise them, so commits genuinely conflict. Each conflict is retried
     * on the server (or, had every retry lost, answered 409 ConcurrentModification): by the gateway,
     * or, when it hit a group of commands, by running each of them again alone; nothing is lost or
     * doubled.
     */
    @Test
    void commandsRacingASecondWriterOnTheSameCycleAreRetriedAndNeitherLostNorDoubled() throws Exception {
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Racing Keeper");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        LocalDate today = serverToday(requestId);
        double retriesBefore = retries();
        double rerunBefore = metric("peersupport_commands_group_rerun_total");

        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger foreign = new AtomicInteger();
        AtomicInteger foreignConflicts = new AtomicInteger();
        Thread secondNode = new Thread(() -> {
            while (racing.get() && foreign.get() < SECOND_NODE_WRITES) {
                long next = eventStore.lastSequenceNumberFor(requestId).orElseThrow() + 1;
                SessionHeld held = new SessionHeld(requestId, "foreign-" + UUID.randomUUID(), supporterId, today, 30,
                        MeetingMode.PHONE, 0, 0);
                try {
                    eventStore.publish(new GenericDomainEventMessage<>("SupportRequest", requestId, next, held));
                    foreign.incrementAndGet();
                } catch (RuntimeException conflict) {
                    foreignConflicts.incrementAndGet();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }, "second-node");
        secondNode.start();
        List<Api.Response> responses;
        try {
            responses = fireAtOnce(i -> coordinator.post("/api/requests/" + requestId + "/sessions",
                    Map.of("heldOn", today.toString(), "startTime", "10:00", "durationMinutes", 30, "mode", "VIDEO")));
        } finally {
            racing.set(false);
            secondNode.join(10_000);
        }

        List<Api.Response> recorded = assertEachRecordedOrAConflict(responses, 201);
        double retried = retries() - retriesBefore;
        double rerun = metric("peersupport_commands_group_rerun_total") - rerunBefore;
        System.out.printf("Racing a second writer: %d foreign events, %d foreign conflicts, %.0f server retries, "
                + "%.0f commands of failed groups run again alone%n", foreign.get(), foreignConflicts.get(), retried, rerun);
        assertThat(countEvents("SessionHeld", requestId)).as("every 201 and every foreign event is stored once")
                .isEqualTo(recorded.size() + foreign.get());
        coordinator.await("/api/requests/" + requestId,
                r -> r.get("sessionsHeld").asInt() == recorded.size() + foreign.get());
        assertThat(retried + rerun).as("the race really happened: the server retried lost commits").isPositive();
        assertThat(recorded).as("conflicts are retried on the server, so all %d succeed", THREADS).hasSize(THREADS);
    }

    /** The application's today (its clock may be fixed): the day the request was made. */
    private LocalDate serverToday(String requestId) {
        return LocalDate.parse(coordinator.get("/api/requests/" + requestId).expect(200).json().get("requestedOn")
                .asString());
    }

    /** Conflicts the server retried, from its metrics. */
    private double retries() {
        return metric("peersupport_command_conflicts_retried_total");
    }

    /** Commands stored by a commit beyond the first in it (group commit), from the server's metrics. */
    private double commandsThatSharedACommit() {
        return metric("peersupport_commands_group_size_sum") - metric("peersupport_commands_group_size_count");
    }

    private double metric(String name) {
        String metrics = coordinator.getAny("/actuator/prometheus").expect(200).body();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Starts every call together behind a gate, so they reach the aggregate at the same moment. */
    private List<Api.Response> fireAtOnce(IntFunction<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                Callable<Api.Response> task = () -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every answer is the success status or a 409 ConcurrentModification; returns the successes. */
    private static List<Api.Response> assertEachRecordedOrAConflict(List<Api.Response> responses, int success) {
        return assertEachRecordedOrAConflict(responses, success, "ConcurrentModification");
    }

    /** Every answer is the success status or a 409 problem naming the rule; returns the successes. */
    private static List<Api.Response> assertEachRecordedOrAConflict(List<Api.Response> responses, int success,
                                                                    String rule) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Api.Response> recorded = new ArrayList<>();
        for (Api.Response response : responses) {
            byStatus.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as(response.body()).isIn(success, 409);
            if (response.status() == success) {
                recorded.add(response);
            } else {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("rule").asString()).as(response.body()).isEqualTo(rule);
            }
        }
        System.out.println("Concurrent commands: " + responses.size() + " sent, by status " + byStatus);
        return recorded;
    }

    /** Counts events of a type on one record by paging the whole audit history. */
    private int countEvents(String type, String aggregateId) {
        int count = 0;
        long after = -1;
        while (true) {
            JsonNode page = auditor.get("/api/audit/events?limit=1000&after=" + after).expect(200).json();
            for (JsonNode event : page) {
                if (type.equals(event.path("type").stringValue(""))
                        && aggregateId.equals(event.path("aggregateId").stringValue(""))) {
                    count++;
                }
                after = event.get("position").asLong();
            }
            if (page.size() < 1000) {
                return count;
            }
        }
    }
}

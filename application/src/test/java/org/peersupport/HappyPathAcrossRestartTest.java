package org.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.support.Api;
import org.peersupport.support.DeliveryCounter;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's happy path over HTTP on the embedded default with files on disk, stopping and starting
 * the whole application in the middle: everything survives, demo data is seeded once, and no event
 * is delivered twice to a tracking processor.
 */
class HappyPathAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void seed000HappyPathSurvivesARestartWithNothingLostOrProcessedTwice() {
        DeliveryCounter.DELIVERIES.clear();
        String requestId;
        String supporterId;
        String programmeId;
        String matchId;
        try (ConfigurableApplicationContext first = start()) {
            Api coordinator = api(first).coordinator();
            assertThat(coordinator.get("/api/programmes").json()).hasSize(3);
            coordinator.await("/api/supporters", s -> s.size() == 20);
            coordinator.await("/api/requests", r -> r.size() == 8);

            programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
            supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Rowan Pellow");
            requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Ada Quist"))
                    .expect(201).id();
            matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                    Map.of("supporterIds", List.of(supporterId))).expect(201).id();
            coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", supporterId)).expect(204);
            coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);
            coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));
            coordinator.post("/api/requests/" + requestId + "/sessions", session(45, "VIDEO")).expect(201);
            coordinator.await("/api/requests/" + requestId, r -> r.get("sessionsHeld").asInt() == 1);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api coordinator = api(second).coordinator();
            assertThat(coordinator.get("/api/programmes").json()).as("demo data is seeded once").hasSize(4);
            JsonNode request = coordinator.get("/api/requests/" + requestId).expect(200).json();
            assertThat(request.get("stage").asString()).isEqualTo("IN_CYCLE");
            assertThat(request.get("sessionsHeld").asInt()).isEqualTo(1);
            assertThat(request.get("headName").asString()).isEqualTo("Invented Ada Quist");
            assertThat(coordinator.get("/api/supporters/" + supporterId).json().get("placesHeld").asInt()).isEqualTo(1);

            coordinator.post("/api/requests/" + requestId + "/sessions", session(60, "IN_PERSON")).expect(201);
            coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);
            coordinator.post("/api/requests/" + requestId + "/sessions", session(30, "PHONE")).expect(409);

            JsonNode feedback = coordinator.await("/api/feedback?requestId=" + requestId, f -> f.size() == 1).get(0);
            String feedbackId = feedback.get("feedbackId").asString();
            coordinator.post("/api/feedback/" + feedbackId, Map.of("rating", 4, "comment", "Invented: it helped"))
                    .expect(204);
            coordinator.post("/api/feedback/" + feedbackId + "/consent", null).expect(204);
            coordinator.await("/api/feedback?requestId=" + requestId,
                    f -> f.get(0).get("sharedWithSupporter").asBoolean());
            coordinator.await("/api/supporters/" + supporterId, s -> s.get("placesHeld").asInt() == 0);

            Api auditor = api(second).auditor();
            List<String> lifecycle = new ArrayList<>();
            List<String> actors = new ArrayList<>();
            JsonNode history = auditor.get("/api/audit/events?limit=1000").expect(200).json();
            for (JsonNode entry : history) {
                String aggregate = entry.get("aggregateId").asString();
                if (aggregate.equals(requestId) || aggregate.equals(feedbackId) || aggregate.equals(matchId)) {
                    lifecycle.add(entry.get("type").asString());
                    actors.add(entry.get("actor").asString());
                }
            }
            assertThat(lifecycle).containsSubsequence("SupportRequested", "ProfilesShared", "MatchProposed",
                    "MatchAccepted", "CycleStarted", "SessionHeld", "SessionHeld", "CycleClosed", "FeedbackRequested",
                    "FeedbackGiven", "FeedbackSharedWithSupporter");
            assertThat(actors).as("every event records whose hand caused it").containsOnly("coordinator");

            JsonNode report = auditor.get("/api/reports/oversight?programmeId=" + programmeId).expect(200).json();
            assertThat(report.get("cyclesClosed").asInt()).isEqualTo(1);
            assertThat(report.get("sessionsHeld").asInt()).isEqualTo(2);
            assertThat(report.get("acceptanceRate").asDouble()).isEqualTo(1.0);

            int events = history.size();
            long deadline = System.currentTimeMillis() + 20_000;
            while (DeliveryCounter.DELIVERIES.size() < events && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(DeliveryCounter.DELIVERIES).hasSizeGreaterThanOrEqualTo(events);
            assertThat(DeliveryCounter.DELIVERIES.values()).as("no event delivered twice").containsOnly(1);
        }
    }

    private static Map<String, Object> session(int minutes, String mode) {
        return Map.of("startTime", "10:00", "heldOn", PeerSupportTest.TODAY.toString(), "durationMinutes", minutes, "mode", mode);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0", "--peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT,
                "--spring.profiles.active=embedded",
                "--peersupport.data-dir=" + dataDir,
                "--peersupport.demo.enabled=true",
                "--peersupport.test.count-deliveries=true",
                "--logging.level.org.axonframework=WARN");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}

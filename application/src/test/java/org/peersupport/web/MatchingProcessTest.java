package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Putting a supporter forward touches three modules (request, supporter, matching) as one unit of
 * work: a refusal at any step leaves no event anywhere; a request has one match in progress at a time.
 */
@PeerSupportTest
class MatchingProcessTest {

    @LocalServerPort
    int port;

    Api coordinator;
    Api auditor;

    @BeforeEach
    void connect() {
        coordinator = Api.at(port).coordinator();
        auditor = Api.at(port).auditor();
    }

    private int eventCount() {
        return auditor.eventCount();
    }

    @Test
    void proposingASupporterWhoIsNotApprovedLeavesNoTraceAnywhere() {
        String programmeId = Fixtures.programme(coordinator, "ASSOCIATION_DIRECTORY");
        String supporterId = coordinator.post("/api/supporters", Map.of("programmeId", programmeId,
                "name", "Invented Unapproved", "region", "east", "phase", "PRIMARY", "sizeBand", "SMALL",
                "areasHandled", List.of("budget"))).expect(201).id();
        Map<String, Object> request = new java.util.HashMap<>(Fixtures.requestBody(programmeId, "Invented Asker"));
        request.put("role", "ASSOCIATION_MEMBER");
        request.remove("schoolName");
        String requestId = coordinator.post("/api/requests", request).expect(201).id();
        int before = eventCount();

        Api.Response refused = coordinator.post("/api/requests/" + requestId + "/proposals",
                Map.of("supporterId", supporterId));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("SupporterNotApproved");
        assertThat(eventCount()).as("not even the request's MatchingStarted was stored").isEqualTo(before);
        assertThat(coordinator.get("/api/requests/" + requestId).json().get("stage").asString())
                .isEqualTo("AWAITING_MATCH");
    }

    @Test
    void aRequestHasOneMatchInProgressAndADeclineOpensItForAnother() {
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String first = Fixtures.approvedSupporter(coordinator, programmeId, "Invented First");
        String second = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Second");
        String requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Asker"))
                .expect(201).id();
        String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(first))).expect(201).id();

        Api.Response again = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(second)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asString()).isEqualTo("MatchAlreadyInProgress");

        coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", first)).expect(204);
        coordinator.await("/api/supporters/" + first, s -> s.get("placesHeld").asInt() == 1);
        coordinator.post("/api/matches/" + matchId + "/decline", Map.of("declinedBy", "HEAD")).expect(204);
        coordinator.await("/api/supporters/" + first, s -> s.get("placesHeld").asInt() == 0);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("AWAITING_MATCH"));

        String retry = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(second))).expect(201).id();
        coordinator.post("/api/matches/" + retry + "/choice", Map.of("supporterId", second)).expect(204);
        coordinator.post("/api/matches/" + retry + "/acceptance", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE")
                && r.get("supporterId").asString().equals(second));
    }

    @Test
    void aFullSupporterCannotBeChosenAndNothingIsHeld() {
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.supporterBody(programmeId, "Invented Busy",
                "north", List.of("budget")));
        body.put("capacity", 1);
        String busy = coordinator.post("/api/supporters", body).expect(201).id();
        Fixtures.evidenceAll(coordinator, busy);
        coordinator.post("/api/supporters/" + busy + "/approval", null).expect(204);
        Fixtures.requestInCycle(coordinator, programmeId, busy);

        String requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Second"))
                .expect(201).id();
        String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(busy))).expect(201).id();
        int before = eventCount();
        Api.Response refused = coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", busy));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asString()).isEqualTo("NoCapacityLeft");
        assertThat(eventCount()).isEqualTo(before);
    }
}

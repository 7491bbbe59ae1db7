package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A concern is seen by the programme's single named contact and nobody else: each opening is
 * recorded, and its text reaches no other read model, report, feed, metric or log.
 */
@PeerSupportTest
@ExtendWith(OutputCaptureExtension.class)
class ConcernConfidentialityTest {

    @LocalServerPort
    int port;

    @Test
    void onlyTheNamedContactSeesAConcernAndEveryOpeningIsRecorded(CapturedOutput output) {
        Api api = Api.at(port);
        Api coordinator = api.coordinator();
        Api lead = api.safeguardingLead();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Listener");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        String canary = "CanaryConcern" + UUID.randomUUID();
        Map<String, Object> concern = Map.of("requestId", requestId, "kind", "SAFEGUARDING", "account", canary);

        for (Api other : List.of(coordinator, api.auditor(), api.integration())) {
            assertThat(other.post("/api/concerns", concern).status()).isEqualTo(403);
            assertThat(other.get("/api/concerns").status()).isEqualTo(403);
        }
        assertThat(api.anonymous().get("/api/concerns").status()).isEqualTo(401);

        Api.Response wrongKind = lead.post("/api/concerns", Map.of("requestId", requestId, "kind",
                "LEADER_WELLBEING", "account", "Invented"));
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.json().get("rule").asString()).isEqualTo("ConcernKindNotHandled");

        String concernId = lead.post("/api/concerns", concern).expect(201).id();
        for (Api other : List.of(coordinator, api.auditor(), api.integration())) {
            assertThat(other.get("/api/concerns/" + concernId).status()).isEqualTo(403);
        }

        JsonNode list = lead.await("/api/concerns?programmeId=" + programmeId, l -> l.size() == 1);
        assertThat(list.toString()).as("the list shows no account").doesNotContain(canary);
        JsonNode opened = lead.get("/api/concerns/" + concernId).expect(200).json();
        assertThat(opened.get("account").asString()).isEqualTo(canary);
        JsonNode again = lead.get("/api/concerns/" + concernId).expect(200).json();
        assertThat(again.get("openings")).hasSize(2);
        assertThat(again.get("openings").get(0).get("by").asString()).isEqualTo("safeguarding");
        JsonNode report = coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("concernsOpen").asInt() == 1);

        assertThat(coordinator.get("/api/requests/" + requestId).body()).doesNotContain(canary);
        assertThat(coordinator.get("/api/requests").body()).doesNotContain(canary);
        assertThat(report.toString()).doesNotContain(canary).doesNotContain("SAFEGUARDING");
        String audit = api.historyText();
        assertThat(audit).contains("ConcernRaised", "ConcernOpened").doesNotContain(canary);
        String feed = api.integration().get("/api/integration/events?limit=1000").body();
        assertThat(feed).doesNotContain(canary).doesNotContain("Concern");
        assertThat(api.auditor().getAny("/actuator/prometheus").body()).doesNotContain(canary);
        String head = coordinator.get("/api/requests/" + requestId).json().get("headSubject").asString();
        Api.Response copy = coordinator.post("/api/subjects/" + head + "/access", null).expect(200);
        assertThat(copy.body()).contains("SupportRequested").doesNotContain(canary);

        lead.post("/api/concerns/" + concernId + "/action", Map.of("action", "Invented: referred to the designated lead"))
                .expect(204);
        assertThat(lead.post("/api/concerns/" + concernId + "/action", Map.of("action", "again")).status())
                .isEqualTo(409);
        coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("concernsOpen").asInt() == 0);
        assertThat(output.getAll()).as("logs").doesNotContain(canary);
    }
}

package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each read model can be dropped and rebuilt from history, and comes back the same. */
@PeerSupportTest
class ReplayTest {

    @LocalServerPort
    int port;

    @Test
    void replayingEveryReadModelRebuildsTheSameState() {
        Api coordinator = Api.at(port).coordinator();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Replay");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        JsonNode queueBefore = coordinator.await("/api/requests?programmeId=" + programmeId, q -> q.size() == 1);
        JsonNode directoryBefore = coordinator.await("/api/supporters?programmeId=" + programmeId,
                d -> d.size() == 1 && d.get(0).get("placesHeld").asInt() == 1);
        JsonNode reportBefore = coordinator.get("/api/reports/oversight?programmeId=" + programmeId).json();

        for (String processor : new String[] {"request-queue", "supporter-directory", "oversight", "programmes"}) {
            coordinator.post("/api/admin/processors/" + processor + "/replay", null).expect(202);
        }
        coordinator.await("/api/admin/processors", list -> {
            for (JsonNode p : list) {
                if (p.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
        assertThat(coordinator.await("/api/requests?programmeId=" + programmeId, q -> q.size() == 1))
                .isEqualTo(queueBefore);
        assertThat(coordinator.await("/api/supporters?programmeId=" + programmeId, d -> d.size() == 1))
                .isEqualTo(directoryBefore);
        assertThat(coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("requests").asInt() == 1)).isEqualTo(reportBefore);
        assertThat(coordinator.get("/api/programmes/" + programmeId).status()).isEqualTo(200);
        assertThat(requestId).isNotBlank();
    }

    @Test
    void aProcessorThatDoesNotExistIsNotFound() {
        Api.at(port).coordinator().post("/api/admin/processors/nothing-here/replay", null).expect(404);
    }
}

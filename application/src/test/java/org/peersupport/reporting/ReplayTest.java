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
        awaitNoReplay(coordinator);
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
    void rebuildingAllReadModelsInOnePassGivesTheSameStateAndResumesLiveUpdates() {
        Api coordinator = Api.at(port).coordinator();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Onepass");
        Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        JsonNode queueBefore = coordinator.await("/api/requests?programmeId=" + programmeId, q -> q.size() == 1);
        JsonNode directoryBefore = coordinator.await("/api/supporters?programmeId=" + programmeId,
                d -> d.size() == 1 && d.get(0).get("placesHeld").asInt() == 1);
        JsonNode reportBefore = coordinator.get("/api/reports/oversight?programmeId=" + programmeId).json();
        int stored = Api.at(port).eventCount();

        JsonNode result = coordinator.post("/api/admin/processors/rebuild", null).expect(200).json();

        assertThat(result.get("events").asLong()).as("every stored event handled").isGreaterThanOrEqualTo(stored);
        assertThat(result.get("readModels").toString()).contains("supporter-directory", "request-queue", "oversight");
        assertThat(coordinator.get("/api/requests?programmeId=" + programmeId).json()).isEqualTo(queueBefore);
        assertThat(coordinator.get("/api/supporters?programmeId=" + programmeId).json()).isEqualTo(directoryBefore);
        assertThat(coordinator.get("/api/reports/oversight?programmeId=" + programmeId).json())
                .isEqualTo(reportBefore);
        String later = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Afterwards"))
                .expect(201).id();
        coordinator.await("/api/requests/" + later, r -> r.get("stage").asString().equals("AWAITING_MATCH"));
    }

    @Test
    void replayingThePrivacyIndexesFindsTheSamePersonalDataForASubject() {
        Api coordinator = Api.at(port).coordinator();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Indexed Keeper");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        String head = coordinator.get("/api/requests/" + requestId).json().get("headSubject").asString();
        JsonNode before = coordinator.post("/api/subjects/" + head + "/access", null).expect(200).json();
        assertThat(before.toString()).contains("SupportRequested", requestId);

        for (String processor : new String[] {"subject-index", "retention"}) {
            coordinator.post("/api/admin/processors/" + processor + "/replay", null).expect(202);
        }
        awaitNoReplay(coordinator);

        // Holdings this process added before the reset are added again by the replay, not skipped.
        JsonNode after = coordinator.post("/api/subjects/" + head + "/access", null).expect(200).json();
        assertThat(recordOf(after, requestId)).isEqualTo(recordOf(before, requestId)).isNotNull();
    }

    private static void awaitNoReplay(Api coordinator) {
        coordinator.await("/api/admin/processors", list -> {
            for (JsonNode p : list) {
                if (p.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The export's record of one aggregate, or null. */
    private static JsonNode recordOf(JsonNode export, String aggregateId) {
        for (JsonNode record : export.get("records")) {
            if (record.get("aggregateId").asString().equals(aggregateId)) {
                return record;
            }
        }
        return null;
    }

    @Test
    void onlyACoordinatorMayRebuild() {
        Api.at(port).auditor().post("/api/admin/processors/rebuild", null).expect(403);
    }

    @Test
    void aProcessorThatDoesNotExistIsNotFound() {
        Api.at(port).coordinator().post("/api/admin/processors/nothing-here/replay", null).expect(404);
    }
}

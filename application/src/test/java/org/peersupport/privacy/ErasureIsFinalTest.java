package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.PersonalData;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Erasure is final for a subject: what was sealed under their shredded key stays unreadable, and
 * nothing sealed about them afterwards can be read either. Read models keep the documents they last
 * wrote in memory, in the clear; a case that changes after its head was erased is written again from
 * there, and must not come back readable under a new key.
 */
@PeerSupportTest
class ErasureIsFinalTest {

    @LocalServerPort
    int port;

    @Autowired
    SubjectKeyStore keys;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void aCaseThatChangesAfterItsHeadWasErasedStillReadsAsErased() {
        Api coordinator = Api.at(port).coordinator();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Supporter Final");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        Map<String, Object> session = Map.of("startTime", "10:00", "heldOn", PeerSupportTest.TODAY.toString(),
                "durationMinutes", 50, "mode", "VIDEO");
        coordinator.post("/api/requests/" + requestId + "/sessions", session).expect(201);
        JsonNode before = coordinator.await("/api/requests/" + requestId,
                r -> r.has("headSubject") && r.get("sessionsHeld").asInt() == 1);
        String head = before.get("headSubject").asString();
        assertThat(before.get("headName").asString()).isEqualTo("Invented Head");

        coordinator.post("/api/subjects/" + head + "/erasure", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("headName").asString().equals("[erased]"));

        // The cycle goes on: the request's read model is written again from the copy it kept.
        coordinator.post("/api/requests/" + requestId + "/sessions", session).expect(201);
        JsonNode after = coordinator.await("/api/requests/" + requestId, r -> r.get("sessionsHeld").asInt() == 2);

        assertThat(after.get("headName").asString()).isEqualTo("[erased]");
        assertThat(after.get("schoolName").asString()).isEqualTo("[erased]");
        assertThat(keys.exists(head)).as("no new key was made for the erased head").isFalse();
    }

    @Test
    void nothingNewCanBeSealedReadablyForAnErasedSubject() {
        String subject = "subject-erased-" + System.nanoTime();
        String sealedBefore = cipher.seal(PersonalData.of(subject, "Invented Name"));
        assertThat(cipher.open(subject, sealedBefore).value()).isEqualTo("Invented Name");

        keys.shred(subject);

        assertThat(cipher.open(subject, sealedBefore).isErased()).isTrue();
        String sealedAfter = cipher.seal(PersonalData.of(subject, "Invented Name"));
        assertThat(cipher.open(subject, sealedAfter).isErased()).isTrue();
        assertThat(keys.exists(subject)).isFalse();
    }
}

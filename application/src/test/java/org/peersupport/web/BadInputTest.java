package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a field-level problem+json and changes nothing; a broken rule gets its name; no
 * input produces a 500.
 */
@PeerSupportTest
class BadInputTest {

    @LocalServerPort
    int port;

    Api coordinator;
    String programmeId;

    @BeforeEach
    void setUp() {
        coordinator = Api.at(port).coordinator();
        programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
    }

    private int eventCount() {
        return Api.at(port).eventCount();
    }

    private static void assertFieldProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }

    private static void assertRule(Api.Response response, int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("rule").asString()).isEqualTo(rule);
    }

    @Test
    void eachMissingOrMalformedFieldOfASupporterIsNamed() {
        int before = eventCount();
        Map<String, Object> body = new HashMap<>(Fixtures.supporterBody(programmeId, "Invented Name", "north",
                List.of("budget")));
        body.remove("region");
        assertFieldProblem(coordinator.post("/api/supporters", body), "region");
        body.put("region", "north");
        body.put("workEmail", "not-an-email");
        assertFieldProblem(coordinator.post("/api/supporters", body), "workEmail");
        body.put("workEmail", "ok@example.org");
        body.put("phase", "KINDERGARTEN");
        assertFieldProblem(coordinator.post("/api/supporters", body), "phase");
        body.put("phase", "PRIMARY");
        body.put("capacity", "three");
        assertFieldProblem(coordinator.post("/api/supporters", body), "capacity");
        body.put("capacity", 0);
        assertFieldProblem(coordinator.post("/api/supporters", body), "capacity");
        body.remove("capacity");
        body.put("nickname", "Invented");
        assertFieldProblem(coordinator.post("/api/supporters", body), "nickname");
        body.remove("nickname");
        body.put("background", "x".repeat(2001));
        assertFieldProblem(coordinator.post("/api/supporters", body), "background");
        assertThat(eventCount()).as("nothing was recorded").isEqualTo(before);
    }

    @Test
    void anEnumFieldMustNameAConstantExactlyNotPaddedNorByPosition() {
        int before = eventCount();
        Map<String, Object> body = new HashMap<>(Fixtures.supporterBody(programmeId, "Invented Name", "north",
                List.of("budget")));
        for (Object phase : List.of("PRIMARY\u0000", " PRIMARY", "PRIMARY\t", "1", 1, "primary", List.of("PRIMARY"))) {
            body.put("phase", phase);
            assertFieldProblem(coordinator.post("/api/supporters", body), "phase");
        }
        body.put("schoolTypes", List.of("ACADEMY "));
        body.put("phase", "PRIMARY");
        assertFieldProblem(coordinator.post("/api/supporters", body), "schoolTypes[0]");
        assertThat(eventCount()).as("nothing was recorded").isEqualTo(before);
        body.put("schoolTypes", List.of("RURAL"));
        assertThat(coordinator.post("/api/supporters", body).status()).as("the exact name is accepted").isEqualTo(201);
    }

    @Test
    void malformedJsonAndWrongContentTypesAreRefusedPolitely() {
        assertFieldProblem(coordinator.send("POST", "/api/requests", "{\"programmeId\": ", "application/json"), "body");
        assertFieldProblem(coordinator.send("POST", "/api/requests", "[]", "application/json"), "body");
        Api.Response xml = coordinator.send("POST", "/api/requests", "<request/>", "application/xml");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).startsWith("application/problem+json");
        Api.Response noBody = coordinator.send("POST", "/api/requests", null, null);
        assertThat(noBody.status()).isBetween(400, 415);
        Api.Response badMethod = coordinator.send("DELETE", "/api/requests", null, null);
        assertThat(badMethod.status()).isEqualTo(405);
        Api.Response badParameter = coordinator.get("/api/requests?stage=SOMEWHERE");
        assertFieldProblem(badParameter, "stage");
    }

    @Test
    void anOversizedBodySentWholeBeforeReadingGetsItsAnswerAndChangesNothing() throws IOException {
        // Tomcat answers 413 before the body is read and then discards the body. Had it given up
        // discarding and closed while the client was still sending, the client would lose the
        // answer to a reset (a CI run of the hostile-input test did). A client that writes the
        // whole body before it reads, as most do, must still hear why it was refused. 7 MB is more
        // than the two sockets' buffers hold here and less than server.tomcat.max-swallow-size.
        long before = eventCount();
        byte[] body = ("{\"programmeId\":\"" + programmeId + "\",\"padding\":\"" + "z".repeat(7_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/requests HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(
                        "coordinator:coordinator-demo".getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void programmeVocabularyAndEligibilityRulesAreNamed() {
        Map<String, Object> body = new HashMap<>(Fixtures.requestBody(programmeId, "Invented Head"));
        body.put("areasOfNeed", List.of("astrology"));
        assertRule(coordinator.post("/api/requests", body), 422, "UnknownAreaOfNeed");
        body.put("areasOfNeed", List.of("budget"));
        body.put("region", "atlantis");
        assertRule(coordinator.post("/api/requests", body), 422, "UnknownRegion");
        body.put("region", "north");
        body.put("role", "ASSOCIATION_MEMBER");
        assertRule(coordinator.post("/api/requests", body), 422, "RequesterNotEligible");
        body.put("role", "HEADTEACHER");
        body.put("programmeId", "no-such-programme");
        assertRule(coordinator.post("/api/requests", body), 422, "UnknownProgramme");
    }

    @Test
    void aProgrammeRefusesPersonalFieldsItDoesNotCollect() {
        String minimal = Fixtures.programme(coordinator, "ASSOCIATION_DIRECTORY");
        int before = eventCount();
        Map<String, Object> body = new HashMap<>(Fixtures.requestBody(minimal, "Invented Member"));
        body.put("role", "ASSOCIATION_MEMBER");
        Api.Response refused = coordinator.post("/api/requests", body);
        assertRule(refused, 422, "FieldNotCollected");
        assertThat(refused.json().get("detail").asString()).contains("SCHOOL_NAME");
        Map<String, Object> supporter = new HashMap<>(Fixtures.supporterBody(minimal, "Invented Name", "east",
                List.of("budget")));
        assertRule(coordinator.post("/api/supporters", supporter), 422, "FieldNotCollected");
        assertThat(eventCount()).as("nothing kept").isEqualTo(before);
        body.remove("schoolName");
        coordinator.post("/api/requests", body).expect(201);
    }

    @Test
    void aSupporterCannotBeApprovedWithoutEvidenceOrMatchedBeforeApproval() {
        String supporterId = coordinator.post("/api/supporters", Fixtures.supporterBody(programmeId, "Invented Pending",
                "south", List.of("budget"))).expect(201).id();
        assertRule(coordinator.post("/api/supporters/" + supporterId + "/approval", null), 409, "EligibilityNotMet");
        String requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Head"))
                .expect(201).id();
        String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(supporterId))).expect(201).id();
        int before = eventCount();
        assertRule(coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", supporterId)), 409,
                "SupporterNotApproved");
        assertThat(eventCount()).as("no place held, no match proposed").isEqualTo(before);
    }

    @Test
    void cycleRulesOfSeed000AreEnforcedOverHttp() {
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Keeper");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);
        String today = PeerSupportTest.TODAY.toString();
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", today, "durationMinutes", 61, "mode", "VIDEO")), 422, "FirstMeetingTooLong");
        assertFieldProblem(coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", PeerSupportTest.TODAY.plusDays(1).toString(), "durationMinutes", 30, "mode", "VIDEO")),
                "heldOn");
        assertFieldProblem(coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", today, "mode", "VIDEO")), "durationMinutes");
        for (int i = 0; i < 6; i++) {
            coordinator.post("/api/requests/" + requestId + "/sessions",
                    Map.of("startTime", "10:00", "heldOn", today, "durationMinutes", 60, "mode", "IN_PERSON")).expect(201);
        }
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", today, "durationMinutes", 60, "mode", "IN_PERSON")), 409, "MeetingCapReached");
        coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", today, "durationMinutes", 30, "mode", "PHONE")).expect(201);
        coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);
        assertRule(coordinator.post("/api/requests/" + requestId + "/closure", null), 409, "CycleAlreadyClosed");
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions",
                Map.of("startTime", "10:00", "heldOn", today, "durationMinutes", 30, "mode", "PHONE")), 409, "SessionOnClosedCycle");
    }

    @Test
    void unknownRecordsAreNotFound() {
        assertRule(coordinator.get("/api/requests/00000000-0000-0000-0000-000000000000"), 404, "NotFound");
        assertRule(coordinator.get("/api/supporters/nobody"), 404, "NotFound");
        assertRule(coordinator.post("/api/requests/nobody/sessions",
                Map.of("startTime", "10:00", "heldOn", PeerSupportTest.TODAY.toString(), "durationMinutes", 30, "mode", "PHONE")), 404, "NotFound");
        assertRule(coordinator.post("/api/matches/nobody/acceptance", null), 404, "NotFound");
        assertRule(coordinator.post("/api/supporters/nobody/approval", null), 404, "NotFound");
    }

    @Test
    void hostileStringsAreStoredAsDataNotExecuted() {
        String hostile = "Robert'); DROP TABLE domain_event_entry;-- <script>alert(1)</script> {\"$ne\": null} \u202E\uD83D\uDE00";
        Map<String, Object> body = new HashMap<>(Fixtures.supporterBody(programmeId, hostile, "north", List.of("budget")));
        String id = coordinator.post("/api/supporters", body).expect(201).id();
        JsonNode supporter = coordinator.await("/api/supporters/" + id, s -> s.has("name"));
        assertThat(supporter.get("name").asString()).isEqualTo(hostile);
        assertRule(coordinator.get("/api/supporters/" + "%7B%22%24ne%22%3Anull%7D"), 404, "NotFound");
    }
}

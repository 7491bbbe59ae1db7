package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Each seed's programme run through the API from request to close, with the rejections it implies. */
@PeerSupportTest
class SeedProgrammesTest {

    @LocalServerPort
    int port;

    Api coordinator;

    @BeforeEach
    void connect() {
        coordinator = Api.at(port).coordinator();
    }

    private static void assertRule(Api.Response response, int status, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("rule").asString()).isEqualTo(rule);
    }

    private String approvedSupporter(String programmeId, String name, Map<String, Object> evidence, boolean former) {
        Map<String, Object> body = new HashMap<>(Map.of("programmeId", programmeId, "name", name,
                "workEmail", "invented@example.org", "region", "east", "phase", "PRIMARY", "sizeBand", "SMALL",
                "areasHandled", List.of("wellbeing", "budget"), "formerHead", former));
        String id = coordinator.post("/api/supporters", body).expect(201).id();
        coordinator.post("/api/supporters/" + id + "/evidence", evidence).expect(204);
        coordinator.post("/api/supporters/" + id + "/approval", null).expect(204);
        return id;
    }

    private Map<String, Object> session(String time, String mode) {
        return Map.of("heldOn", PeerSupportTest.TODAY.toString(), "startTime", time, "durationMinutes", 50,
                "mode", mode);
    }

    @Test
    void seed001AProposalTheHeadTurnsDownLeadsToAnotherAndNoFeedbackIsAsked() {
        String programmeId = Fixtures.programme(coordinator, "ASSOCIATION_DIRECTORY");
        Map<String, Object> handled = Map.of("criterion", "AREAS_HANDLED", "areasHandled", List.of("budget"),
                "date", PeerSupportTest.TODAY.minusYears(1).toString());
        String first = approvedSupporter(programmeId, "Invented First", handled, false);
        String second = approvedSupporter(programmeId, "Invented Second", handled, false);
        Map<String, Object> ask = new HashMap<>(Fixtures.requestBody(programmeId, "Invented Member"));
        ask.put("role", "ASSOCIATION_MEMBER");
        ask.remove("schoolName");
        String requestId = coordinator.post("/api/requests", ask).expect(201).id();

        assertRule(coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(first))), 422, "WrongMatchingMode");
        String no = coordinator.post("/api/requests/" + requestId + "/proposals", Map.of("supporterId", first))
                .expect(201).id();
        coordinator.post("/api/matches/" + no + "/decline", Map.of("declinedBy", "HEAD")).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("AWAITING_MATCH"));
        String yes = coordinator.post("/api/requests/" + requestId + "/proposals", Map.of("supporterId", second))
                .expect(201).id();
        coordinator.post("/api/matches/" + yes + "/acceptance", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));
        coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);

        coordinator.await("/api/supporters/" + second, s -> s.get("placesHeld").asInt() == 0);
        assertThat(coordinator.get("/api/supporters/" + first).json().get("placesHeld").asInt()).isZero();
        JsonNode report = coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("cyclesClosed").asInt() == 1);
        assertThat(report.get("proposalsDeclined").asInt()).isEqualTo(1);
        assertThat(report.get("acceptanceRate").asDouble()).isEqualTo(0.5);
        assertThat(coordinator.get("/api/feedback?requestId=" + requestId).json()).as("001 expects no feedback")
                .isEmpty();
    }

    @Test
    void seed002PairingCadenceContentiousNoteAndARematchWithoutBlame() {
        String programmeId = Fixtures.programme(coordinator, "PASTORAL_ASSOCIATES");
        Map<String, Object> years = Map.of("criterion", "YEARS_AS_HEAD", "yearsAsHead", 12);
        String associate = approvedSupporter(programmeId, "Invented Associate", years, true);
        String another = approvedSupporter(programmeId, "Invented Other", years, false);
        String requestId = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Leader"))
                .expect(201).id();
        String pairing = coordinator.post("/api/requests/" + requestId + "/proposals",
                Map.of("supporterId", associate)).expect(201).id();
        coordinator.post("/api/matches/" + pairing + "/acceptance", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));

        String sessionId = coordinator.post("/api/requests/" + requestId + "/sessions", session("18:30", "IN_PERSON"))
                .expect(201).id();
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions/" + sessionId + "/contentious-note",
                Map.of("note", "Invented note", "leaderTold", false)), 422, "LeaderNotTold");
        coordinator.post("/api/requests/" + requestId + "/sessions/" + sessionId + "/contentious-note",
                Map.of("note", "Invented note", "leaderTold", true)).expect(204);
        coordinator.post("/api/requests/" + requestId + "/sessions", session("10:00", "PHONE")).expect(201);
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions", session("11:00", "VIDEO")), 409,
                "TermCadenceExceeded");

        coordinator.post("/api/requests/" + requestId + "/match-ending", null).expect(204);
        coordinator.await("/api/supporters/" + associate, s -> s.get("placesHeld").asInt() == 0);
        JsonNode reopened = coordinator.await("/api/requests/" + requestId,
                r -> r.get("stage").asString().equals("AWAITING_MATCH"));
        assertThat(reopened.get("rematches").asInt()).isEqualTo(1);
        String again = coordinator.post("/api/requests/" + requestId + "/proposals", Map.of("supporterId", another))
                .expect(201).id();
        coordinator.post("/api/matches/" + again + "/acceptance", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE")
                && r.get("supporterId").asString().equals(another));
        coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);
        assertThat(coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("cyclesClosed").asInt() == 1).get("rematches").asInt()).isEqualTo(1);
        String history = Api.at(port).historyText();
        assertThat(history).contains("MatchEnded", "ContentiousMeetingNoted");
    }

    @Test
    void aRulesChangeIsANewVersionAndARequestKeepsTheVersionItWasMadeUnder() {
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String before = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Early"))
                .expect(201).id();
        JsonNode rules = coordinator.get("/api/programmes/" + programmeId).expect(200).json().get("rules");
        tools.jackson.databind.node.ObjectNode changed = (tools.jackson.databind.node.ObjectNode) rules.deepCopy();
        changed.put("meetingCap", 8);
        tools.jackson.databind.node.ObjectNode autumn = (tools.jackson.databind.node.ObjectNode) changed.get("calendar")
                .get("terms").get(0);
        autumn.put("name", "Autumn 2024 (authority dates)");
        JsonNode version = coordinator.put("/api/programmes/" + programmeId + "/rules", Map.of("rules", changed))
                .expect(200).json();
        assertThat(version.get("version").asInt()).isEqualTo(2);
        String after = coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Late"))
                .expect(201).id();
        assertThat(coordinator.await("/api/requests/" + before, r -> r.has("ruleVersion")).get("ruleVersion").asInt())
                .isEqualTo(1);
        assertThat(coordinator.await("/api/requests/" + after, r -> r.has("ruleVersion")).get("ruleVersion").asInt())
                .isEqualTo(2);
        JsonNode current = coordinator.await("/api/programmes/" + programmeId,
                p -> p.get("version").asInt() == 2).get("rules");
        assertThat(current.get("meetingCap").asInt()).isEqualTo(8);
        assertThat(current.get("calendar").get("terms").get(0).get("name").asString())
                .isEqualTo("Autumn 2024 (authority dates)");
        changed.put("meetingCap", 0);
        Api.Response refused = coordinator.put("/api/programmes/" + programmeId + "/rules", Map.of("rules", changed));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("rules.meetingCap");
    }

    @Test
    void baselineAndEvaluationQuestionnairesAreReportedOnlyAsAverages() {
        String programmeId = Fixtures.programme(coordinator, "PASTORAL_ASSOCIATES");
        assertRule(coordinator.post("/api/questionnaires", Map.of("programmeId", programmeId, "kind", "BASELINE",
                "scores", Map.of("coping", 2))), 422, "QuestionnaireIncomplete");
        for (int score = 1; score <= 3; score++) {
            coordinator.post("/api/questionnaires", Map.of("programmeId", programmeId, "kind", "BASELINE",
                    "scores", Map.of("coping", score, "someone-to-talk-to", score, "confidence", score,
                            "manageable-workload", score))).expect(201);
        }
        JsonNode impact = coordinator.await("/api/reports/oversight?programmeId=" + programmeId,
                r -> r.get("impact").get("baselineResponses").asInt() == 3).get("impact");
        assertThat(impact.get("baseline").get("coping").asDouble()).isEqualTo(2.0);
        assertThat(impact.get("evaluation").size()).isZero();
    }

    @Test
    void seed000ReviewExtensionByAgreementAndBoundariesWithRecordedExceptions() {
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, "Invented Reviewer");
        String requestId = Fixtures.requestInCycle(coordinator, programmeId, supporterId);

        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions", session("19:30", "VIDEO")), 422,
                "OutsideSchoolDay");
        Map<String, Object> noTime = Map.of("heldOn", PeerSupportTest.TODAY.toString(), "durationMinutes", 50,
                "mode", "VIDEO");
        assertRule(coordinator.post("/api/requests/" + requestId + "/sessions", noTime), 422, "SessionTimeRequired");
        Map<String, Object> excused = new HashMap<>(session("19:30", "VIDEO"));
        excused.put("exceptionReason", "Invented: the head could only talk after a governors' meeting");
        coordinator.post("/api/requests/" + requestId + "/sessions", excused).expect(201);
        coordinator.post("/api/requests/" + requestId + "/sessions", session("16:45", "IN_PERSON")).expect(201);

        assertRule(coordinator.post("/api/requests/" + requestId + "/review", Map.of("decision", "EXTEND",
                "extraMonths", 3, "extraMeetings", 2, "agreedWithHead", false)), 422, "ExtensionNotAgreedWithHead");
        coordinator.post("/api/requests/" + requestId + "/review", Map.of("decision", "EXTEND", "extraMonths", 3,
                "extraMeetings", 2, "agreedWithHead", true)).expect(204);
        JsonNode extended = coordinator.await("/api/requests/" + requestId, r -> r.get("extensions").asInt() == 1);
        assertThat(extended.get("reviewDue").asString())
                .isEqualTo(PeerSupportTest.TODAY.plusMonths(9).toString());
        coordinator.post("/api/requests/" + requestId + "/review", Map.of("decision", "CLOSE")).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("CLOSED"));
        String history = Api.at(port).historyText();
        assertThat(history).contains("BoundaryExceptionRecorded", "CycleReviewed", "CycleExtended");
    }
}

package org.peersupport.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invented people and schools, and the API calls that set up a programme. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String programme(Api coordinator, String template) {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        coordinator.post("/api/programmes", Map.of("programmeId", id, "name", "Invented programme " + id,
                "template", template)).expect(201);
        return id;
    }

    public static Map<String, Object> supporterBody(String programmeId, String name, String region, List<String> areas) {
        return Map.of("programmeId", programmeId, "name", name, "workEmail", "invented.head@example.org",
                "schoolName", "Quillbrook Primary", "background", "Invented background for " + name,
                "region", region, "phase", "PRIMARY", "schoolTypes", List.of("RURAL"), "sizeBand", "SMALL",
                "areasHandled", areas);
    }

    /** Registers a seed-000 supporter with every criterion evidenced, and approves them. */
    public static String approvedSupporter(Api coordinator, String programmeId, String name) {
        String id = coordinator.post("/api/supporters", supporterBody(programmeId, name, "north",
                List.of("budget", "staffing"))).expect(201).id();
        evidenceAll(coordinator, id);
        coordinator.post("/api/supporters/" + id + "/approval", null).expect(204);
        return id;
    }

    public static void evidenceAll(Api coordinator, String supporterId) {
        String today = PeerSupportTest.TODAY.toString();
        List.of(Map.of("criterion", "YEARS_AS_HEAD", "yearsAsHead", 8),
                Map.of("criterion", "INSPECTION_JUDGEMENT", "judgement", "GOOD", "date", today),
                Map.of("criterion", "LOCAL_KNOWLEDGE", "confirmed", true),
                Map.of("criterion", "COACHING_RECORD", "confirmed", true),
                Map.of("criterion", "TRAINING_COMPLETED", "date", today))
                .forEach(e -> coordinator.post("/api/supporters/" + supporterId + "/evidence", e).expect(204));
    }

    public static Map<String, Object> requestBody(String programmeId, String headName) {
        return Map.of("programmeId", programmeId, "headName", headName, "workEmail", "invented.requester@example.org",
                "schoolName", "Invented Lane Infants", "role", "HEADTEACHER", "region", "north", "phase", "PRIMARY",
                "schoolTypes", List.of("MAINTAINED"), "sizeBand", "SMALL", "areasOfNeed", List.of("budget"));
    }

    /** A seed-000 request matched with the supporter and its cycle started. Returns the request id. */
    public static String requestInCycle(Api coordinator, String programmeId, String supporterId) {
        String requestId = coordinator.post("/api/requests", requestBody(programmeId, "Invented Head"))
                .expect(201).id();
        String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                Map.of("supporterIds", List.of(supporterId))).expect(201).id();
        coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", supporterId)).expect(204);
        coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);
        coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));
        return requestId;
    }
}

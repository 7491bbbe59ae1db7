package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.PeerSupportApplication;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Canary values in every personal field of a head's case, then subject access, then erasure: the
 * head reads as erased everywhere (history replayed included), the supporter does not, and the
 * on-disk stores and the logs hold not one byte of the head's plaintext.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureOnDiskTest {

    @TempDir
    Path dataDir;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String headName = "CanaryHeadName" + tag;
    final String headEmail = "canary.head." + tag + "@example.org";
    final String school = "CanarySchool" + tag;
    final String comment = "CanaryFeedback" + tag;
    final String supporterName = "CanarySupporter" + tag;

    @Test
    void anErasedHeadIsGoneFromEveryStoreWhileTheHistoryStillReplays(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0", "--peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT, "--spring.profiles.active=embedded", "--peersupport.data-dir=" + dataDir,
                "--peersupport.demo.enabled=false", "--logging.level.org.axonframework=INFO")) {
            Api api = Api.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Api coordinator = api.coordinator();
            String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
            String supporterId = Fixtures.approvedSupporter(coordinator, programmeId, supporterName);
            Map<String, Object> body = new HashMap<>(Fixtures.requestBody(programmeId, headName));
            body.put("workEmail", headEmail);
            body.put("schoolName", school);
            String requestId = coordinator.post("/api/requests", body).expect(201).id();
            String matchId = coordinator.post("/api/requests/" + requestId + "/profiles",
                    Map.of("supporterIds", List.of(supporterId))).expect(201).id();
            coordinator.post("/api/matches/" + matchId + "/choice", Map.of("supporterId", supporterId)).expect(204);
            coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);
            coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));
            coordinator.post("/api/requests/" + requestId + "/sessions", Map.of("startTime", "10:00", "heldOn", PeerSupportTest.TODAY.toString(),
                    "durationMinutes", 50, "mode", "VIDEO")).expect(201);
            coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);
            JsonNode feedback = coordinator.await("/api/feedback?requestId=" + requestId, f -> f.size() == 1).get(0);
            coordinator.post("/api/feedback/" + feedback.get("feedbackId").asString(),
                    Map.of("rating", 5, "comment", comment)).expect(204);
            JsonNode request = coordinator.await("/api/requests/" + requestId, r -> r.has("headSubject"));
            String head = request.get("headSubject").asString();
            assertThat(request.get("headName").asString()).as("readable before erasure").isEqualTo(headName);

            // Subject access: a readable copy of everything held, and the request for it recorded.
            Api.Response copy = coordinator.post("/api/subjects/" + head + "/access", null).expect(200);
            assertThat(copy.body()).contains(headName, headEmail, school, comment, "SupportRequested", "SessionHeld",
                    "FeedbackGiven");
            assertThat(copy.json().get("erased").asBoolean()).isFalse();
            Api.Response page = coordinator.send("POST", "/api/subjects/" + head + "/access?format=html", null, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<h1>Data held about " + head, headName);
            assertThat(api.historyText()).contains("SubjectAccessProvided");

            // A hash chain over the stored history as it stands: erasure must not change a byte of it.
            javax.sql.DataSource store = app.getBean(javax.sql.DataSource.class);
            long lastBefore = new org.springframework.jdbc.core.JdbcTemplate(store)
                    .queryForObject("select max(global_index) from domain_event_entry", Long.class);
            String chainBefore = historyChain(store, lastBefore);

            // Erasure: requested (with its due date), then carried out.
            JsonNode due = coordinator.post("/api/subjects/" + head + "/erasure-request", null).expect(202).json();
            assertThat(due.get("dueBy").asString()).isEqualTo(PeerSupportTest.TODAY.plusMonths(1).toString());
            coordinator.post("/api/subjects/" + head + "/erasure", null).expect(204);
            coordinator.await("/api/requests/" + requestId, r -> r.get("headName").asString().equals("[erased]"));
            JsonNode erasedView = coordinator.get("/api/requests/" + requestId).json();
            assertThat(erasedView.get("schoolName").asString()).isEqualTo("[erased]");
            assertThat(erasedView.get("sessionsHeld").asInt()).as("the facts remain").isEqualTo(1);
            assertThat(coordinator.get("/api/feedback?requestId=" + requestId).json().get(0).get("comment").asString())
                    .isEqualTo("[erased]");
            assertThat(coordinator.get("/api/supporters/" + supporterId).json().get("name").asString())
                    .as("only the head is erased").isEqualTo(supporterName);
            assertThat(app.getBean(SubjectKeyStore.class).exists(head)).isFalse();
            assertThat(coordinator.post("/api/subjects/" + head + "/erasure", null).status()).isEqualTo(409);
            assertThat(historyChain(store, lastBefore)).as("erasure rewrites no stored event").isEqualTo(chainBefore);

            // The history still replays, and reads as erased.
            for (String processor : new String[] {"request-queue", "feedback-ledger", "supporter-directory"}) {
                coordinator.post("/api/admin/processors/" + processor + "/replay", null).expect(202);
            }
            coordinator.await("/api/requests/" + requestId, r -> r.get("headName").asString().equals("[erased]")
                    && r.get("stage").asString().equals("CLOSED"));
            JsonNode afterCopy = coordinator.post("/api/subjects/" + head + "/access", null).expect(200).json();
            assertThat(afterCopy.get("erased").asBoolean()).isTrue();
            assertThat(afterCopy.toString()).doesNotContain(headName, headEmail, school, comment).contains("[erased]");
        }

        List<String> canaries = List.of(headName, headEmail, school, comment);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String canary : canaries) {
                    if (contains(bytes, canary.getBytes(StandardCharsets.UTF_8))
                            || contains(bytes, canary.getBytes(StandardCharsets.UTF_16BE))) {
                        found.add(canary + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(found).as("plaintext of the erased head on disk").isEmpty();
        String logs = output.getAll();
        assertThat(logs).as("the application logged (the scan is not vacuous)").contains("Started");
        for (String canary : canaries) {
            assertThat(logs).as("logs").doesNotContain(canary);
        }
    }

    /** SHA-256 chained over each stored event (index, identifier, payload, metadata) up to {@code last}. */
    private static String historyChain(javax.sql.DataSource store, long last) {
        try {
            java.security.MessageDigest chain = java.security.MessageDigest.getInstance("SHA-256");
            new org.springframework.jdbc.core.JdbcTemplate(store).query(
                    "select global_index, event_identifier, payload, meta_data from domain_event_entry "
                            + "where global_index <= ? order by global_index",
                    row -> {
                        byte[] previous = chain.digest();
                        chain.update(previous);
                        chain.update(Long.toString(row.getLong(1)).getBytes(StandardCharsets.UTF_8));
                        chain.update(row.getString(2).getBytes(StandardCharsets.UTF_8));
                        chain.update(row.getBytes(3));
                        chain.update(row.getBytes(4));
                    }, last);
            return java.util.HexFormat.of().formatHex(chain.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

package org.peersupport.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.PeerSupportApplication;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Retention per programme (seed 001's template keeps a head's data one year after their last
 * cycle ends). Its own application: a sweep dated in the future would erase other tests' people.
 */
class RetentionTest {

    @Test
    void aHeadIsErasedWhenTheProgrammesRetentionPeriodEndsAndNotADayBefore() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PeerSupportApplication.class).run(
                "--server.port=0", "--peersupport.clock.fixed=" + PeerSupportTest.FIXED_INSTANT, "--spring.profiles.active=embedded",
                "--spring.datasource.url=jdbc:h2:mem:retention-test;DB_CLOSE_DELAY=-1",
                "--peersupport.embedded.mongo-file=", "--peersupport.privacy.master-key=" + PeerSupportTest.MASTER_KEY,
                "--peersupport.demo.enabled=false", "--logging.level.org.axonframework=WARN")) {
            Api api = Api.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Api coordinator = api.coordinator();
            String programmeId = Fixtures.programme(coordinator, "ASSOCIATION_DIRECTORY");
            String supporterId = coordinator.post("/api/supporters", Map.of("programmeId", programmeId,
                    "name", "Invented Keeper", "region", "east", "phase", "PRIMARY", "sizeBand", "SMALL",
                    "areasHandled", List.of("budget"))).expect(201).id();
            coordinator.post("/api/supporters/" + supporterId + "/evidence", Map.of("criterion", "AREAS_HANDLED",
                    "areasHandled", List.of("budget"), "date", PeerSupportTest.TODAY.minusMonths(2).toString())).expect(204);
            coordinator.post("/api/supporters/" + supporterId + "/approval", null).expect(204);
            Map<String, Object> body = new HashMap<>(Fixtures.requestBody(programmeId, "Invented Leaver"));
            body.put("role", "ASSOCIATION_MEMBER");
            body.remove("schoolName");
            String requestId = coordinator.post("/api/requests", body).expect(201).id();
            String matchId = coordinator.post("/api/requests/" + requestId + "/proposals",
                    Map.of("supporterId", supporterId)).expect(201).id();
            coordinator.post("/api/matches/" + matchId + "/acceptance", null).expect(204);
            coordinator.await("/api/requests/" + requestId, r -> r.get("stage").asString().equals("IN_CYCLE"));
            coordinator.post("/api/requests/" + requestId + "/closure", null).expect(204);
            String head = coordinator.get("/api/requests/" + requestId).json().get("headSubject").asString();

            RetentionSchedule schedule = app.getBean(RetentionSchedule.class);
            long deadline = System.currentTimeMillis() + 20_000;
            while (schedule.ended().stream().noneMatch(e -> e.subject().equals(head))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            RetentionJob job = app.getBean(RetentionJob.class);
            LocalDate closed = PeerSupportTest.TODAY;
            assertThat(job.sweep(closed.plusYears(1).minusDays(1))).as("a day early").isZero();
            assertThat(coordinator.post("/api/admin/retention/run", null).expect(200).json().get("erased").asInt())
                    .isZero();
            assertThat(job.sweep(closed.plusYears(1))).as("on the day").isEqualTo(1);

            coordinator.await("/api/requests/" + requestId, r -> r.get("headName").asString().equals("[erased]"));
            assertThat(coordinator.get("/api/supporters/" + supporterId).json().get("name").asString())
                    .as("an active supporter is kept").isEqualTo("Invented Keeper");
            JsonNode history = api.auditor().get("/api/audit/events?limit=1000").json();
            assertThat(history.toString()).contains("RetentionPeriodEnded", "SubjectErased");
            long settled = System.currentTimeMillis() + 20_000;
            while (schedule.ended().stream().anyMatch(e -> e.subject().equals(head))
                    && System.currentTimeMillis() < settled) {
                Thread.sleep(50);
            }
            assertThat(job.sweep(closed.plusYears(2))).as("erased once").isZero();
        }
    }
}

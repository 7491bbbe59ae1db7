package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peersupport.support.Api;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What each role may do is enforced on the server: each role is refused what it may not do. */
@PeerSupportTest
class RoleAccessTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = Api.at(port);
    }

    enum Role { COORDINATOR, SAFEGUARDING_LEAD, AUDITOR, INTEGRATION, ANONYMOUS }

    private Api as(Role role) {
        return switch (role) {
            case COORDINATOR -> api.coordinator();
            case SAFEGUARDING_LEAD -> api.safeguardingLead();
            case AUDITOR -> api.auditor();
            case INTEGRATION -> api.integration();
            case ANONYMOUS -> api.anonymous();
        };
    }

    static Stream<Arguments> coordinatorOnly() {
        return Stream.of(
                Arguments.of("GET", "/api/programmes"),
                Arguments.of("POST", "/api/programmes"),
                Arguments.of("PUT", "/api/programmes/any/rules"),
                Arguments.of("GET", "/api/supporters"),
                Arguments.of("POST", "/api/supporters"),
                Arguments.of("POST", "/api/supporters/any/approval"),
                Arguments.of("POST", "/api/supporters/any/withdrawal"),
                Arguments.of("GET", "/api/requests"),
                Arguments.of("POST", "/api/requests"),
                Arguments.of("POST", "/api/requests/any/sessions"),
                Arguments.of("POST", "/api/requests/any/closure"),
                Arguments.of("POST", "/api/matches/any/acceptance"),
                Arguments.of("GET", "/api/feedback"),
                Arguments.of("POST", "/api/feedback/any"),
                Arguments.of("GET", "/api/admin/processors"),
                Arguments.of("POST", "/api/admin/processors/any/replay"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("coordinatorOnly")
    void onlyTheCoordinatorRunsTheProgramme(String method, String path) {
        for (Role role : List.of(Role.SAFEGUARDING_LEAD, Role.AUDITOR, Role.INTEGRATION)) {
            Api.Response response = as(role).send(method, path, "{}", "application/json");
            assertThat(response.status()).as(role + " " + method + " " + path).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(as(Role.ANONYMOUS).send(method, path, "{}", "application/json").status()).isEqualTo(401);
        assertThat(as(Role.COORDINATOR).send(method, path, "{}", "application/json").status())
                .as("the coordinator gets past security (to validation or the handler)").isNotIn(401, 403);
    }

    @Test
    void theOversightReportIsForCoordinatorsAndAuditorsOnly() {
        assertThat(as(Role.COORDINATOR).get("/api/reports/oversight").status()).isEqualTo(200);
        assertThat(as(Role.AUDITOR).get("/api/reports/oversight").status()).isEqualTo(200);
        assertThat(as(Role.INTEGRATION).get("/api/reports/oversight").status()).isEqualTo(403);
        assertThat(as(Role.SAFEGUARDING_LEAD).get("/api/reports/oversight").status()).isEqualTo(403);
        assertThat(as(Role.ANONYMOUS).get("/api/reports/oversight").status()).isEqualTo(401);
    }

    @Test
    void theAuditTrailIsForAuditorsAndTheFeedForIntegrations() {
        assertThat(as(Role.AUDITOR).get("/api/audit/events").status()).isEqualTo(200);
        for (Role role : List.of(Role.COORDINATOR, Role.SAFEGUARDING_LEAD, Role.INTEGRATION)) {
            assertThat(as(role).get("/api/audit/events").status()).as(role.name()).isEqualTo(403);
        }
        assertThat(as(Role.INTEGRATION).get("/api/integration/events").status()).isEqualTo(200);
        for (Role role : List.of(Role.COORDINATOR, Role.SAFEGUARDING_LEAD, Role.AUDITOR)) {
            assertThat(as(role).get("/api/integration/events").status()).as(role.name()).isEqualTo(403);
        }
    }

    @Test
    void theIntegrationFeedDoesNotSayWhoActed() {
        api.coordinator().post("/api/programmes", Map.of("name", "Invented feed programme",
                "template", "ASSOCIATION_DIRECTORY")).expect(201);
        var feed = as(Role.INTEGRATION).get("/api/integration/events?limit=1000").expect(200).json();
        assertThat(feed.size()).isPositive();
        feed.forEach(entry -> assertThat(entry.get("actor").isNull()).isTrue());
    }

    @Test
    void metricsNeedASignedInRoleButHealthIsOpen() {
        String programmeId = org.peersupport.support.Fixtures.programme(api.coordinator(), "LOCAL_AUTHORITY_PEER_SUPPORT");
        api.coordinator().post("/api/requests", org.peersupport.support.Fixtures.requestBody(programmeId, "Invented"))
                .expect(201);
        assertThat(as(Role.ANONYMOUS).get("/actuator/health").status()).isEqualTo(200);
        assertThat(as(Role.ANONYMOUS).getAny("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as(Role.SAFEGUARDING_LEAD).getAny("/actuator/prometheus").status()).isEqualTo(403);
        Api.Response metrics = as(Role.AUDITOR).getAny("/actuator/prometheus").expect(200);
        assertThat(metrics.body()).as("Axon's processor metrics").contains("eventProcessor_latency").doesNotContain("eventProcessor_capacity");
        assertThat(metrics.body()).as("the product's own counters").contains("peersupport_requests_total");
    }

    @Test
    void aRefusedCommandChangesNothing() {
        int before = api.eventCount();
        as(Role.AUDITOR).post("/api/programmes", Map.of("name", "Invented", "template", "ASSOCIATION_DIRECTORY"));
        as(Role.INTEGRATION).post("/api/programmes", Map.of("name", "Invented", "template", "ASSOCIATION_DIRECTORY"));
        as(Role.SAFEGUARDING_LEAD).post("/api/programmes", Map.of("name", "Invented", "template", "ASSOCIATION_DIRECTORY"));
        assertThat(api.eventCount()).isEqualTo(before);
    }

    @Test
    void wrongPasswordsAreRefused() {
        assertThat(api.as("coordinator", "guess").get("/api/programmes").status()).isEqualTo(401);
    }
}

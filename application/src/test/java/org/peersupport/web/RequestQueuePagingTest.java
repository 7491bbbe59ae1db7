package org.peersupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Api;
import org.peersupport.support.Fixtures;
import org.peersupport.support.PeerSupportTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The request queue comes a page at a time: a programme's history grows without end, and the
 * whole of a million-event store's queue in one answer broke the read-model store's reply (found
 * by the benchmark's 1M run).
 */
@PeerSupportTest
class RequestQueuePagingTest {

    @LocalServerPort
    int port;

    @Test
    void theQueueIsPagedOldestFirstByOffsetAndLimit() {
        Api coordinator = Api.at(port).coordinator();
        String programmeId = Fixtures.programme(coordinator, "LOCAL_AUTHORITY_PEER_SUPPORT");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(coordinator.post("/api/requests", Fixtures.requestBody(programmeId, "Invented Pager " + i))
                    .expect(201).id());
        }
        String all = "/api/requests?programmeId=" + programmeId;
        coordinator.await(all, q -> q.size() == 3);

        JsonNode first = coordinator.get(all + "&limit=2").expect(200).json();
        JsonNode rest = coordinator.get(all + "&limit=2&offset=2").expect(200).json();

        assertThat(first).hasSize(2);
        assertThat(rest).hasSize(1);
        List<String> paged = new ArrayList<>();
        first.forEach(r -> paged.add(r.get("requestId").asString()));
        rest.forEach(r -> paged.add(r.get("requestId").asString()));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    }

    @Test
    void aPageOutsideTheLimitsIsRefusedNamingTheField() {
        Api coordinator = Api.at(port).coordinator();
        for (String query : List.of("limit=0", "limit=1001", "offset=-1")) {
            Api.Response response = coordinator.get("/api/requests?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.body()).contains(query.substring(0, query.indexOf('=')));
        }
    }
}

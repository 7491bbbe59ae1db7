package org.peersupport.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.peersupport.audit.EventHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "History", description = "The event history for auditors and integrations, without payloads")
class HistoryController {

    private final EventHistory history;

    HistoryController(EventHistory history) {
        this.history = history;
    }

    /** For auditors: every event in order, with who caused it. */
    @GetMapping("/api/audit/events")
    List<EventHistory.Entry> audit(@RequestParam(defaultValue = "-1") @Min(-1) long after,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return history.page(after, limit);
    }

    /**
     * For integrations: the same feed, so a subscriber can follow the lifecycle and resume by
     * position; concerns are left out altogether (not even that one exists is published).
     */
    @GetMapping("/api/integration/events")
    List<EventHistory.Entry> integration(@RequestParam(defaultValue = "-1") @Min(-1) long after,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return history.page(after, limit).stream()
                .filter(e -> !"Concern".equals(e.aggregateType()))
                .map(e -> new EventHistory.Entry(e.position(), e.type(), e.aggregateType(), e.aggregateId(),
                        e.sequence(), e.timestamp(), null))
                .toList();
    }
}

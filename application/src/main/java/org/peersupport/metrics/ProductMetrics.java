package org.peersupport.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SupportRequested;
import org.springframework.stereotype.Component;

/**
 * The product's own counters, counted as events happen (a subscribing processor: a replay does not
 * count again). Tags carry the programme only, never a person.
 */
@Component
@ProcessingGroup("metrics")
class ProductMetrics {

    private final MeterRegistry registry;

    ProductMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(SupportRequested e) {
        count("peersupport.requests", e.ruleBook().programmeId(), "Support requests made");
    }

    @EventHandler
    void on(MatchProposed e) {
        count("peersupport.matches.proposed", e.programmeId(), "Supporters proposed for a request");
    }

    @EventHandler
    void on(MatchAccepted e) {
        count("peersupport.matches.accepted", e.programmeId(), "Matches accepted");
    }

    @EventHandler
    void on(MatchDeclined e) {
        count("peersupport.matches.declined", null, "Matches declined");
    }

    @EventHandler
    void on(SessionHeld e) {
        count("peersupport.sessions", null, "Sessions held");
    }

    @EventHandler
    void on(CycleClosed e) {
        count("peersupport.cycles.closed", e.programmeId(), "Cycles closed");
    }

    @EventHandler
    void on(FeedbackGiven e) {
        count("peersupport.feedback.given", e.programmeId(), "Feedback responses");
    }

    private void count(String name, String programmeId, String description) {
        Counter.builder(name).description(description).tag("programme", programmeId == null ? "all" : programmeId)
                .register(registry).increment();
    }
}

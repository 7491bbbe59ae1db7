package org.peersupport.reporting.api;

import java.util.List;
import java.util.Map;

/**
 * Counts and rates only: no person appears in it, so an auditor may read it.
 *
 * @param medianDaysToMatch days from request to accepted match, median over matched requests; null if none
 * @param acceptanceRate    accepted proposals over answered proposals; null if none answered
 * @param reviewsDue        cycles past their review point and not yet reviewed
 * @param extensions        extensions agreed at review
 * @param rematches         matches ended within a cycle for a re-match (no blame recorded)
 * @param concernsOpen      concerns raised with no action agreed yet: a count, never their content
 * @param supervisionOverdue approved supporters whose supervision fell due without one being held
 * @param averageRating     mean feedback rating (1-5), given only once three or more responses exist,
 *                          so that no individual's answer can be read off the report
 */
public record OversightReport(
        String programmeId,
        Map<RequestStage, Long> requestsByStage,
        long requests,
        Double medianDaysToMatch,
        Double acceptanceRate,
        long proposalsAccepted,
        long proposalsDeclined,
        long sessionsHeld,
        long cyclesClosed,
        long reviewsDue,
        long extensions,
        long rematches,
        long concernsOpen,
        long supervisionOverdue,
        long feedbackResponses,
        Double averageRating,
        Impact impact,
        List<SupplyAndDemand> byAreaOfNeed,
        List<SupplyAndDemand> byRegion) {

    /**
     * Impact monitoring (seeds 003, 004): average score per question before support (baseline) and
     * after (evaluation), each given only once three or more responses of that kind exist.
     */
    public record Impact(long baselineResponses, long evaluationResponses, Map<String, Double> baseline,
                         Map<String, Double> evaluation) {
    }

    /** Open requests wanting {@code key} against approved supporters with a place free who offer it. */
    public record SupplyAndDemand(String key, long openRequests, long availableSupporters) {
    }
}

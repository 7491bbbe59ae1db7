package org.peersupport.reporting;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.QuestionnaireCompleted;
import org.peersupport.feedback.api.QuestionnaireKind;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchExpired;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.reporting.OversightFacts.RequestFacts;
import org.peersupport.reporting.OversightFacts.SupplyFacts;
import org.peersupport.reporting.api.GetOversightReport;
import org.peersupport.reporting.api.OversightReport;
import org.peersupport.reporting.api.OversightReport.SupplyAndDemand;
import org.peersupport.reporting.api.RequestStage;
import org.peersupport.request.api.ConcernActionAgreed;
import org.peersupport.request.api.ConcernRaised;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleExtended;
import org.peersupport.request.api.CycleReviewDue;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.RequestWithdrawn;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.supporter.api.CapacityReleased;
import org.peersupport.supporter.api.CapacityReserved;
import org.peersupport.supporter.api.SupervisionDue;
import org.peersupport.supporter.api.SupervisionHeld;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterPaused;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The oversight report. It keeps per-request and per-supporter facts (set-valued, so a replayed
 * event cannot count twice) and derives every figure when asked, so no running total can drift.
 */
@Component
@ProcessingGroup(Oversight.GROUP)
class Oversight {

    static final String GROUP = "oversight";

    private final ReadModel<RequestFacts> requests;
    private final ReadModel<SupplyFacts> supply;
    private final ReadModel<ConcernFacts> concerns;
    private final ReadModel<FeedbackFacts> feedback;
    private final ReadModel<ImpactFacts> questionnaires;

    /** Feedback is reported only as an aggregate, and only once this many responses exist. */
    static final int MINIMUM_RESPONSES = 3;

    Oversight(ReadModelCollections models) {
        this.requests = models.of(RequestFacts.class, "oversight_requests", RequestFacts::requestId);
        this.supply = models.of(SupplyFacts.class, "oversight_supply", SupplyFacts::supporterId);
        this.concerns = models.of(ConcernFacts.class, "oversight_concerns", ConcernFacts::concernId);
        this.feedback = models.of(FeedbackFacts.class, "oversight_feedback", FeedbackFacts::feedbackId);
        this.questionnaires = models.of(ImpactFacts.class, "oversight_questionnaires",
                ImpactFacts::responseId);
    }

    @EventHandler
    void on(SupportRequested e) {
        requests.put(new RequestFacts(e.requestId(), e.ruleBook().programmeId(), e.requester().region(),
                e.areasOfNeed(), RequestStage.AWAITING_MATCH, e.requestedOn(), null, Set.of(), Set.of(), Set.of(), null,
                false, Set.of(), Set.of()));
    }

    @EventHandler
    void on(ProfilesShared e) {
        requests.update(e.requestId(), r -> r.at(RequestStage.PROFILES_SHARED));
    }

    @EventHandler
    void on(MatchProposed e) {
        requests.update(e.requestId(), r -> r.at(RequestStage.MATCH_PROPOSED));
    }

    @EventHandler
    void on(MatchAccepted e) {
        requests.update(e.requestId(), r -> r.acceptedMatch(e.matchId(), e.acceptedOn()));
    }

    @EventHandler
    void on(MatchDeclined e) {
        requests.update(e.requestId(), r -> r.declinedMatch(e.matchId()));
    }

    /** An unanswered match counts against acceptance like a decline. */
    @EventHandler
    void on(MatchExpired e) {
        requests.update(e.requestId(), r -> r.declinedMatch(e.matchId()));
    }

    @EventHandler
    void on(CycleStarted e) {
        requests.update(e.requestId(), r -> r.at(RequestStage.IN_CYCLE));
    }

    @EventHandler
    void on(SessionHeld e) {
        requests.update(e.requestId(), r -> r.session(e.sessionId()));
    }

    @EventHandler
    void on(CycleReviewDue e) {
        requests.update(e.requestId(), RequestFacts::reviewFellDue);
    }

    @EventHandler
    void on(CycleExtended e) {
        requests.update(e.requestId(), r -> r.extended(e.reviewDue()));
    }

    @EventHandler
    void on(MatchEnded e) {
        requests.update(e.requestId(), r -> r.matchEnded(e.matchId()));
    }

    @EventHandler
    void on(CycleClosed e) {
        requests.update(e.requestId(), r -> r.closed(RequestStage.CLOSED, e.closedOn()));
    }

    @EventHandler
    void on(RequestWithdrawn e) {
        requests.update(e.requestId(), r -> r.closed(RequestStage.WITHDRAWN, e.withdrawnOn()));
    }

    @EventHandler
    void on(SupporterRegistered e) {
        supply.put(new SupplyFacts(e.supporterId(), e.programmeId(), e.profile().region(), e.profile().areasHandled(),
                false, false, e.capacity(), Set.of(), false));
    }

    @EventHandler
    void on(SupporterApproved e) {
        supply.update(e.supporterId(), s -> s.status(true, false));
    }

    @EventHandler
    void on(SupporterPaused e) {
        supply.update(e.supporterId(), s -> s.status(s.approved(), true));
    }

    @EventHandler
    void on(SupporterResumed e) {
        supply.update(e.supporterId(), s -> s.status(s.approved(), false));
    }

    @EventHandler
    void on(SupporterWithdrew e) {
        supply.update(e.supporterId(), s -> s.status(false, false));
    }

    @EventHandler
    void on(SupervisionDue e) {
        supply.update(e.supporterId(), s -> s.supervision(true));
    }

    @EventHandler
    void on(SupervisionHeld e) {
        supply.update(e.supporterId(), s -> s.supervision(false));
    }

    @EventHandler
    void on(CapacityReserved e) {
        supply.update(e.supporterId(), s -> s.place(e.matchId(), true));
    }

    @EventHandler
    void on(CapacityReleased e) {
        supply.update(e.supporterId(), s -> s.place(e.matchId(), false));
    }

    @EventHandler
    void on(ConcernRaised e) {
        concerns.put(new ConcernFacts(e.concernId(), e.programmeId(), true));
    }

    @EventHandler
    void on(ConcernActionAgreed e) {
        concerns.put(new ConcernFacts(e.concernId(), e.programmeId(), false));
    }

    @EventHandler
    void on(FeedbackGiven e) {
        feedback.put(new FeedbackFacts(e.feedbackId(), e.programmeId(), e.rating()));
    }

    @EventHandler
    void on(QuestionnaireCompleted e) {
        questionnaires.put(new ImpactFacts(e.responseId(), e.programmeId(), e.kind(), e.scores()));
    }

    record ImpactFacts(@org.springframework.data.annotation.Id String responseId, String programmeId,
                       QuestionnaireKind kind, Map<String, Integer> scores) {
    }

    /** The rating alone: the sealed comment never reaches a report. */
    record FeedbackFacts(@org.springframework.data.annotation.Id String feedbackId, String programmeId, int rating) {
    }

    /** Only whether a concern is open: its kind, request and account never reach this report. */
    record ConcernFacts(@org.springframework.data.annotation.Id String concernId, String programmeId, boolean open) {
    }

    @ResetHandler
    void reset() {
        requests.drop();
        supply.drop();
        concerns.drop();
        feedback.drop();
        questionnaires.drop();
    }

    @QueryHandler
    OversightReport handle(GetOversightReport query) {
        Query scope = query.programmeId() == null ? new Query()
                : new Query(Criteria.where("programmeId").is(query.programmeId()));
        List<RequestFacts> all = requests.find(scope);
        List<SupplyFacts> supporters = supply.find(Query.of(scope));
        long concernsOpen = concerns.find(Query.of(scope)).stream().filter(ConcernFacts::open).count();
        List<FeedbackFacts> responses = feedback.find(Query.of(scope));
        Double averageRating = responses.size() < MINIMUM_RESPONSES ? null
                : responses.stream().mapToInt(FeedbackFacts::rating).average().orElseThrow();

        Map<RequestStage, Long> byStage = new EnumMap<>(RequestStage.class);
        for (RequestStage stage : RequestStage.values()) {
            byStage.put(stage, 0L);
        }
        all.forEach(r -> byStage.merge(r.stage(), 1L, Long::sum));

        List<Long> daysToMatch = all.stream().filter(r -> r.matchedOn() != null)
                .map(r -> ChronoUnit.DAYS.between(r.requestedOn(), r.matchedOn())).sorted().toList();
        long accepted = all.stream().mapToLong(r -> r.accepted().size()).sum();
        long declined = all.stream().mapToLong(r -> r.declined().size()).sum();

        return new OversightReport(query.programmeId(), byStage, all.size(), median(daysToMatch),
                accepted + declined == 0 ? null : (double) accepted / (accepted + declined), accepted, declined,
                all.stream().mapToLong(r -> r.sessions().size()).sum(),
                all.stream().filter(r -> r.stage() == RequestStage.CLOSED).count(),
                all.stream().filter(r -> r.stage() == RequestStage.IN_CYCLE && r.reviewOverdue()).count(),
                all.stream().mapToLong(r -> r.extensions().size()).sum(),
                all.stream().mapToLong(r -> r.endedMatches().size()).sum(),
                concernsOpen,
                supporters.stream().filter(s -> s.approved() && s.supervisionOverdue()).count(),
                responses.size(), averageRating, impact(questionnaires.find(Query.of(scope))),
                supplyAndDemand(all, supporters, RequestFacts::areas, SupplyFacts::areas),
                supplyAndDemand(all, supporters, r -> Set.of(r.region()), s -> Set.of(s.region())));
    }

    private static List<SupplyAndDemand> supplyAndDemand(List<RequestFacts> all, List<SupplyFacts> supporters,
                                                         Function<RequestFacts, Set<String>> demandKeys,
                                                         Function<SupplyFacts, Set<String>> supplyKeys) {
        Map<String, long[]> table = new TreeMap<>();
        all.stream().filter(RequestFacts::open).forEach(r ->
                demandKeys.apply(r).forEach(k -> table.computeIfAbsent(k, x -> new long[2])[0]++));
        supporters.stream().filter(SupplyFacts::available).forEach(s ->
                supplyKeys.apply(s).forEach(k -> table.computeIfAbsent(k, x -> new long[2])[1]++));
        List<SupplyAndDemand> rows = new ArrayList<>();
        table.forEach((key, counts) -> rows.add(new SupplyAndDemand(key, counts[0], counts[1])));
        return rows;
    }

    private static OversightReport.Impact impact(List<ImpactFacts> all) {
        List<ImpactFacts> before = all.stream().filter(q -> q.kind() == QuestionnaireKind.BASELINE).toList();
        List<ImpactFacts> after = all.stream().filter(q -> q.kind() == QuestionnaireKind.EVALUATION).toList();
        return new OversightReport.Impact(before.size(), after.size(), averages(before), averages(after));
    }

    private static Map<String, Double> averages(List<ImpactFacts> responses) {
        Map<String, Double> averages = new TreeMap<>();
        if (responses.size() < MINIMUM_RESPONSES) {
            return averages;
        }
        responses.stream().flatMap(r -> r.scores().keySet().stream()).distinct().forEach(question ->
                averages.put(question, responses.stream().filter(r -> r.scores().containsKey(question))
                        .mapToInt(r -> r.scores().get(question)).average().orElseThrow()));
        return averages;
    }

    static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}

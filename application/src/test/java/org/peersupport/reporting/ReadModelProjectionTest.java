package org.peersupport.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.feedback.api.FeedbackGiven;
import org.peersupport.feedback.api.QuestionnaireCompleted;
import org.peersupport.feedback.api.QuestionnaireKind;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.MeetingMode;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.matching.api.DeclinedBy;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.reporting.api.FindRequest;
import org.peersupport.reporting.api.FindSupporter;
import org.peersupport.reporting.api.FindSupporters;
import org.peersupport.reporting.api.GetOversightReport;
import org.peersupport.reporting.api.OversightReport;
import org.peersupport.reporting.api.RequestListing;
import org.peersupport.reporting.api.RequestStage;
import org.peersupport.reporting.api.SupporterListing;
import org.peersupport.reporting.api.SupporterStatus;
import org.peersupport.request.api.CadenceMissed;
import org.peersupport.request.api.CycleClosed;
import org.peersupport.request.api.CycleExtended;
import org.peersupport.request.api.CycleReviewDue;
import org.peersupport.request.api.CycleStarted;
import org.peersupport.request.api.MatchEnded;
import org.peersupport.request.api.Requester;
import org.peersupport.request.api.SessionHeld;
import org.peersupport.request.api.SupportRequested;
import org.peersupport.supporter.api.CapacityReleased;
import org.peersupport.supporter.api.CapacityReserved;
import org.peersupport.supporter.api.RecheckCleared;
import org.peersupport.supporter.api.SupervisionDue;
import org.peersupport.supporter.api.SupervisionHeld;
import org.peersupport.supporter.api.SupervisionKind;
import org.peersupport.supporter.api.SupervisionScheduled;
import org.peersupport.supporter.api.SupporterFlaggedForRecheck;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterPaused;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.support.PeerSupportTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Projections against the embedded MongoDB-protocol server, fed events directly. */
@PeerSupportTest
class ReadModelProjectionTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 7);

    @Autowired
    SupporterDirectory directory;
    @Autowired
    RequestQueue queue;
    @Autowired
    Oversight oversight;

    final String programme = "projection-" + UUID.randomUUID();
    final RuleBook rules = new RuleBook(programme, 1, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules());

    private SupporterRegistered registered(String id, String region, Set<String> areas, int capacity) {
        PersonalData name = PersonalData.of("supporter:" + id, "Invented " + id);
        return new SupporterRegistered(id, programme, new SupporterProfile(name, null, null, null, region,
                Phase.PRIMARY, Set.of(SchoolType.RURAL), SizeBand.SMALL, areas, false), capacity, DAY);
    }

    private SupportRequested requested(String id, String region, Set<String> areas, LocalDate on) {
        return new SupportRequested(id, rules, new Requester("head:" + id, PersonalData.of("head:" + id, "Invented"),
                null, null, RequesterRole.HEADTEACHER, region, Phase.PRIMARY, Set.of(), SizeBand.SMALL), areas, on);
    }

    @Test
    void theDirectoryFiltersByRegionAreaAndAvailabilityAndAFullSupporterIsNotAvailable() {
        String a = programme + "-a";
        String b = programme + "-b";
        directory.on(registered(a, "north", Set.of("budget", "staffing"), 1));
        directory.on(registered(b, "south", Set.of("ofsted"), 2));
        directory.on(new SupporterApproved(a, programme, 1, DAY));
        directory.on(new SupporterApproved(b, programme, 1, DAY));

        assertThat(find(new FindSupporters(programme, "north", null, null, null, null, null)))
                .extracting(SupporterListing::supporterId).containsExactly(a);
        assertThat(find(new FindSupporters(programme, null, Phase.PRIMARY, SchoolType.RURAL, "ofsted", null, true)))
                .extracting(SupporterListing::supporterId).containsExactly(b);

        directory.on(new CapacityReserved(a, "m1", 1, 1));
        directory.on(new CapacityReserved(a, "m1", 1, 1));
        SupporterListing full = find(new FindSupporters(programme, "north", null, null, null, null, null)).get(0);
        assertThat(full.placesHeld()).containsExactly("m1");
        assertThat(full.available()).isFalse();
        assertThat(find(new FindSupporters(programme, null, null, null, null, null, true)))
                .extracting(SupporterListing::supporterId).containsExactly(b);

        directory.on(new SupporterPaused(b));
        assertThat(find(new FindSupporters(programme, null, null, null, null, SupporterStatus.PAUSED, null)))
                .extracting(SupporterListing::supporterId).containsExactly(b);
        assertThat(full.name().value()).as("personal data reads back opened").isEqualTo("Invented " + a);
    }

    @Test
    void hundredsOfPlacesTakenAndHalfFreedReadBackExactlyFromTheStore() {
        String busy = programme + "-busy";
        directory.on(registered(busy, "west", Set.of("budget"), 301));
        directory.on(new SupporterApproved(busy, programme, 1, DAY));
        for (int i = 0; i < 300; i++) {
            directory.on(new CapacityReserved(busy, "m" + i, i + 1, 301));
        }
        for (int i = 0; i < 300; i += 2) {
            directory.on(new CapacityReleased(busy, "m" + i, 299 - i / 2, 301));
        }
        directory.on(new CapacityReleased(busy, "m0", 150, 301)); // again: changes nothing

        SupporterListing listing = find(new FindSupporters(programme, "west", null, null, null, null, null)).get(0);
        assertThat(listing.placesHeld()).hasSize(150).contains("m1", "m299").doesNotContain("m0", "m298");
        assertThat(listing.available()).isTrue();
        assertThat(listing.withPlace("m1", false).placesHeld()).hasSize(149).doesNotContain("m1");
        assertThat(listing.placesHeld()).as("a transition leaves the listing it came from as it was").contains("m1");
    }

    @Test
    void theQueueFollowsARequestThroughItsStagesAndIgnoresRepeats() {
        String r = programme + "-r";
        queue.on(requested(r, "east", Set.of("budget"), DAY));
        assertThat(listing(r).nextAction()).isEqualTo("Share supporter profiles with the head");
        queue.on(new ProfilesShared("m1", r, programme, List.of("s1", "s2"), DAY));
        queue.on(new MatchProposed("m1", r, programme, "s1", DAY));
        assertThat(listing(r).stage()).isEqualTo(RequestStage.MATCH_PROPOSED);
        assertThat(listing(r).profilesShared()).containsExactly("s1", "s2");
        queue.on(new MatchDeclined("m1", r, "s1", DeclinedBy.SUPPORTER, DAY));
        assertThat(listing(r).stage()).isEqualTo(RequestStage.AWAITING_MATCH);
        queue.on(new MatchProposed("m2", r, programme, "s2", DAY.plusDays(2)));
        queue.on(new MatchAccepted("m2", r, programme, "s2", DAY.plusDays(3)));
        queue.on(new CycleStarted(r, "m2", "s2", DAY.plusDays(3), DAY.plusMonths(6)));
        SessionHeld session = new SessionHeld(r, "x1", "s2", DAY.plusDays(10), 50, MeetingMode.VIDEO, 1, 0);
        queue.on(session);
        queue.on(session);
        RequestListing inCycle = listing(r);
        assertThat(inCycle.stage()).isEqualTo(RequestStage.IN_CYCLE);
        assertThat(inCycle.sessions()).hasSize(1);
        assertThat(inCycle.declinedMatches()).containsExactly("m1");
        assertThat(inCycle.nextAction()).contains("review due " + DAY.plusMonths(6));
        queue.on(new CycleClosed(r, programme, "m2", "s2", "head:" + r, DAY.plusDays(40), 1, true));
        assertThat(listing(r).stage()).isEqualTo(RequestStage.CLOSED);
    }

    @Test
    void theOversightReportCountsStagesMedianDaysToMatchAcceptanceAndSupplyAgainstDemand() {
        int[] daysToMatch = {2, 4, 10};
        for (int i = 0; i < 3; i++) {
            String r = programme + "-o" + i;
            oversight.on(requested(r, "north", Set.of("budget"), DAY));
            oversight.on(new MatchProposed("m" + i, r, programme, "s", DAY));
            oversight.on(new MatchAccepted("m" + i, r, programme, "s", DAY.plusDays(daysToMatch[i])));
            oversight.on(new MatchAccepted("m" + i, r, programme, "s", DAY.plusDays(daysToMatch[i])));
            oversight.on(new CycleStarted(r, "m" + i, "s", DAY, null));
        }
        String declined = programme + "-declined";
        oversight.on(requested(declined, "south", Set.of("ofsted", "budget"), DAY));
        oversight.on(new MatchProposed("md", declined, programme, "s", DAY));
        oversight.on(new MatchDeclined("md", declined, "s", DeclinedBy.HEAD, DAY));
        oversight.on(new SessionHeld(programme + "-o0", "x", "s", DAY, 60, MeetingMode.IN_PERSON, 1, 1));
        oversight.on(new CycleClosed(programme + "-o0", programme, "m0", "s", "h", DAY, 1, true));
        String supporter = programme + "-sup";
        oversight.on(registered(supporter, "south", Set.of("ofsted"), 1));
        oversight.on(new SupporterApproved(supporter, programme, 1, DAY));

        OversightReport report = oversight.handle(new GetOversightReport(programme));
        assertThat(report.requests()).isEqualTo(4);
        assertThat(report.requestsByStage()).containsEntry(RequestStage.IN_CYCLE, 2L)
                .containsEntry(RequestStage.CLOSED, 1L).containsEntry(RequestStage.AWAITING_MATCH, 1L);
        assertThat(report.medianDaysToMatch()).isEqualTo(4.0);
        assertThat(report.acceptanceRate()).isEqualTo(0.75);
        assertThat(report.sessionsHeld()).isEqualTo(1);
        assertThat(report.cyclesClosed()).isEqualTo(1);
        assertThat(report.byAreaOfNeed()).contains(new OversightReport.SupplyAndDemand("ofsted", 1, 1),
                new OversightReport.SupplyAndDemand("budget", 1, 0));
        assertThat(report.byRegion()).contains(new OversightReport.SupplyAndDemand("south", 1, 1));
    }

    @Test
    void overdueSupervisionAndRechecksShowInTheDirectoryAndAreCountedInOversight() {
        String id = programme + "-care";
        SupporterRegistered registered = registered(id, "west", Set.of("budget"), 2);
        directory.on(registered);
        directory.on(new SupporterApproved(id, programme, 1, DAY));
        directory.on(new SupervisionScheduled(id, DAY.plusMonths(4), 4));
        oversight.on(registered);
        oversight.on(new SupporterApproved(id, programme, 1, DAY));
        assertThat(oversight.handle(new GetOversightReport(programme)).supervisionOverdue()).isZero();

        directory.on(new SupervisionDue(id, DAY.plusMonths(4)));
        oversight.on(new SupervisionDue(id, DAY.plusMonths(4)));
        directory.on(new SupporterFlaggedForRecheck(id, EligibilityCriterion.TRAINING_COMPLETED, DAY.plusMonths(5)));
        SupporterListing overdue = directory.handle(new FindSupporter(id)).orElseThrow();
        assertThat(overdue.supervisionOverdue()).isTrue();
        assertThat(overdue.recheck()).containsExactly(EligibilityCriterion.TRAINING_COMPLETED);
        assertThat(oversight.handle(new GetOversightReport(programme)).supervisionOverdue()).isEqualTo(1);

        directory.on(new SupervisionHeld(id, SupervisionKind.GROUP, DAY.plusMonths(5), DAY.plusMonths(9)));
        oversight.on(new SupervisionHeld(id, SupervisionKind.GROUP, DAY.plusMonths(5), DAY.plusMonths(9)));
        directory.on(new RecheckCleared(id, EligibilityCriterion.TRAINING_COMPLETED));
        SupporterListing cared = directory.handle(new FindSupporter(id)).orElseThrow();
        assertThat(cared.supervisionOverdue()).isFalse();
        assertThat(cared.supervisionDue()).isEqualTo(DAY.plusMonths(9));
        assertThat(cared.recheck()).isEmpty();
        assertThat(oversight.handle(new GetOversightReport(programme)).supervisionOverdue()).isZero();
    }

    @Test
    void feedbackIsReportedOnlyAsAnAverageOfThreeOrMoreResponses() {
        PersonalData comment = PersonalData.of("head:x", "Invented comment");
        oversight.on(new FeedbackGiven(programme + "-f1", "r1", programme, 5, comment, DAY));
        oversight.on(new FeedbackGiven(programme + "-f2", "r2", programme, 3, comment, DAY));
        OversightReport two = oversight.handle(new GetOversightReport(programme));
        assertThat(two.feedbackResponses()).isEqualTo(2);
        assertThat(two.averageRating()).as("two answers could identify a head").isNull();
        oversight.on(new FeedbackGiven(programme + "-f3", "r3", programme, 4, comment, DAY));
        oversight.on(new FeedbackGiven(programme + "-f3", "r3", programme, 4, comment, DAY));
        OversightReport three = oversight.handle(new GetOversightReport(programme));
        assertThat(three.feedbackResponses()).isEqualTo(3);
        assertThat(three.averageRating()).isEqualTo(4.0);
    }

    @Test
    void reviewsDueExtensionsAndRematchesAreCounted() {
        String r = programme + "-review";
        oversight.on(requested(r, "north", Set.of("budget"), DAY));
        oversight.on(new MatchProposed("m1", r, programme, "s", DAY));
        oversight.on(new MatchAccepted("m1", r, programme, "s", DAY));
        oversight.on(new CycleStarted(r, "m1", "s", DAY, DAY.plusMonths(6)));
        oversight.on(new CycleReviewDue(r, DAY.plusMonths(6)));
        assertThat(oversight.handle(new GetOversightReport(programme)).reviewsDue()).isEqualTo(1);
        oversight.on(new CycleExtended(r, DAY.plusMonths(9), 8, DAY.plusMonths(6)));
        oversight.on(new CycleExtended(r, DAY.plusMonths(9), 8, DAY.plusMonths(6)));
        OversightReport extended = oversight.handle(new GetOversightReport(programme));
        assertThat(extended.reviewsDue()).isZero();
        assertThat(extended.extensions()).isEqualTo(1);
        oversight.on(new MatchEnded(r, "m1", "s", DAY.plusMonths(7)));
        OversightReport rematching = oversight.handle(new GetOversightReport(programme));
        assertThat(rematching.rematches()).isEqualTo(1);
        assertThat(rematching.requestsByStage()).containsEntry(RequestStage.AWAITING_MATCH, 1L);
    }

    @Test
    void aMissedTermAsksTheCoordinatorToCheckInUntilTheNextMeeting() {
        String r = programme + "-cadence";
        queue.on(requested(r, "south", Set.of("wellbeing"), DAY));
        queue.on(new MatchProposed("m1", r, programme, "s1", DAY));
        queue.on(new CycleStarted(r, "m1", "s1", DAY, null));
        queue.on(new CadenceMissed(r, "Autumn 2026", 0, 1));
        assertThat(listing(r).nextAction()).isEqualTo("Check in with the leader: no meeting in Autumn 2026");
        queue.on(new SessionHeld(r, "x1", "s1", DAY.plusMonths(4), 60, MeetingMode.IN_PERSON, 1, 1));
        assertThat(listing(r).missedTerms()).isEmpty();
        assertThat(listing(r).nextAction()).isEqualTo("Record sessions");
    }

    @Test
    void impactIsReportedAsAveragesOnlyOnceThreeResponsesOfAKindExist() {
        for (int i = 0; i < 3; i++) {
            oversight.on(new QuestionnaireCompleted(programme + "-b" + i, programme, QuestionnaireKind.BASELINE,
                    java.util.Map.of("coping", 1 + i), DAY));
        }
        oversight.on(new QuestionnaireCompleted(programme + "-e0", programme, QuestionnaireKind.EVALUATION,
                java.util.Map.of("coping", 5), DAY.plusMonths(6)));
        oversight.on(new QuestionnaireCompleted(programme + "-e0", programme, QuestionnaireKind.EVALUATION,
                java.util.Map.of("coping", 5), DAY.plusMonths(6)));
        OversightReport.Impact impact = oversight.handle(new GetOversightReport(programme)).impact();
        assertThat(impact.baselineResponses()).isEqualTo(3);
        assertThat(impact.baseline()).containsEntry("coping", 2.0);
        assertThat(impact.evaluationResponses()).as("a replayed response counts once").isEqualTo(1);
        assertThat(impact.evaluation()).as("one answer would identify its giver").isEmpty();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddlePair() {
        assertThat(Oversight.median(List.of(1L, 3L, 5L, 9L))).isEqualTo(4.0);
        assertThat(Oversight.median(List.of())).isNull();
    }

    private List<SupporterListing> find(FindSupporters query) {
        return directory.handle(query);
    }

    private RequestListing listing(String id) {
        return queue.handle(new FindRequest(id)).orElseThrow();
    }

}

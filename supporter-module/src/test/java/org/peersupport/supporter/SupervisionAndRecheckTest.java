package org.peersupport.supporter;

import org.peersupport.kernel.ProgrammeTemplate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.InspectionJudgement;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.EligibilityEvidenceRecorded;
import org.peersupport.supporter.api.RecheckCleared;
import org.peersupport.supporter.api.RecheckScheduled;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RecordSupervision;
import org.peersupport.supporter.api.SupervisionDue;
import org.peersupport.supporter.api.SupervisionHeld;
import org.peersupport.supporter.api.SupervisionKind;
import org.peersupport.supporter.api.SupervisionScheduled;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterFlaggedForRecheck;
import org.peersupport.supporter.api.SupporterNotApproved;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;

/** Care of volunteers (supervision cadence) and evidence that goes stale, as deadlines. */
class SupervisionAndRecheckTest {

    static final String ID = "supporter-1";
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final LocalDate APPROVED = LocalDate.of(2026, 1, 5);
    static final LocalDate TRAINED = LocalDate.of(2024, 3, 1);

    FixtureConfiguration<Supporter> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Supporter.class);
    }

    private static Object[] registeredWithSeed000Evidence() {
        PersonalData name = PersonalData.of("supporter:" + ID, "Invented Supporter");
        return new Object[] {
            new SupporterRegistered(ID, "p-000", new SupporterProfile(name, null, null, null, "north", Phase.PRIMARY,
                    Set.of(SchoolType.RURAL), SizeBand.SMALL, Set.of("budget"), false), 2, APPROVED.minusMonths(1)),
            new EligibilityEvidenceRecorded(ID, new EligibilityEvidence(EligibilityCriterion.YEARS_AS_HEAD, 8, null,
                    null, null, false)),
            new EligibilityEvidenceRecorded(ID, new EligibilityEvidence(EligibilityCriterion.INSPECTION_JUDGEMENT, null,
                    InspectionJudgement.GOOD, LocalDate.of(2025, 5, 1), null, false)),
            new EligibilityEvidenceRecorded(ID, new EligibilityEvidence(EligibilityCriterion.LOCAL_KNOWLEDGE, null,
                    null, null, null, true)),
            new EligibilityEvidenceRecorded(ID, new EligibilityEvidence(EligibilityCriterion.COACHING_RECORD, null,
                    null, null, null, true)),
            new EligibilityEvidenceRecorded(ID, new EligibilityEvidence(EligibilityCriterion.TRAINING_COMPLETED, null,
                    null, TRAINED, null, false))};
    }

    private static Object[] approved(Object... more) {
        Object[] base = registeredWithSeed000Evidence();
        Object[] all = new Object[base.length + 3 + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        all[base.length] = new SupporterApproved(ID, "p-000", 1, APPROVED);
        all[base.length + 1] = new SupervisionScheduled(ID, APPROVED.plusMonths(4), 4);
        all[base.length + 2] = new RecheckScheduled(ID, EligibilityCriterion.TRAINING_COMPLETED, TRAINED.plusMonths(36),
                36);
        System.arraycopy(more, 0, all, base.length + 3, more.length);
        return all;
    }

    @Test
    void approvalUnderSeed000SchedulesSupervisionAndTheTrainingRefresher() {
        fixture.given(registeredWithSeed000Evidence())
                .when(new ApproveSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), APPROVED))
                .expectEvents(new SupporterApproved(ID, "p-000", 1, APPROVED),
                        new SupervisionScheduled(ID, APPROVED.plusMonths(4), 4),
                        new RecheckScheduled(ID, EligibilityCriterion.TRAINING_COMPLETED, TRAINED.plusMonths(36), 36))
                .expectScheduledDeadlineWithName(APPROVED.plusMonths(4).atStartOfDay(ZONE).toInstant(),
                        Supporter.SUPERVISION_DUE)
                .expectScheduledDeadlineWithName(TRAINED.plusMonths(36).atStartOfDay(ZONE).toInstant(),
                        Supporter.TRAINING_RECHECK);
    }

    @Test
    void supervisionNotHeldByItsDueDateIsOverdue() {
        fixture.givenCurrentTime(APPROVED.atTime(9, 0).atZone(ZONE).toInstant())
                .andGiven(registeredWithSeed000Evidence())
                .andGivenCommands(new ApproveSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), APPROVED))
                .whenTimeElapses(Duration.ofDays(125))
                .expectEvents(new SupervisionDue(ID, APPROVED.plusMonths(4)));
    }

    @Test
    void aSupervisionMeetingSetsTheNextDueDate() {
        fixture.given(approved())
                .when(new RecordSupervision(ID, SupervisionKind.GROUP, APPROVED.plusMonths(3)))
                .expectEvents(new SupervisionHeld(ID, SupervisionKind.GROUP, APPROVED.plusMonths(3),
                        APPROVED.plusMonths(7)))
                .expectScheduledDeadlineWithName(APPROVED.plusMonths(7).atStartOfDay(ZONE).toInstant(),
                        Supporter.SUPERVISION_DUE);
    }

    @Test
    void supervisionIsForApprovedSupporters() {
        fixture.given(registeredWithSeed000Evidence())
                .when(new RecordSupervision(ID, SupervisionKind.ONE_TO_ONE, APPROVED))
                .expectException(SupporterNotApproved.class)
                .expectNoEvents();
    }

    @Test
    void trainingPastItsRefresherDateFlagsTheSupporterForRecheck() {
        fixture.givenCurrentTime(APPROVED.atTime(9, 0).atZone(ZONE).toInstant())
                .andGiven(registeredWithSeed000Evidence())
                .andGivenCommands(new ApproveSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), APPROVED))
                .whenTimeAdvancesTo(TRAINED.plusMonths(36).plusDays(1).atStartOfDay(ZONE).toInstant())
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.sequenceOf(
                                org.axonframework.test.matchers.Matchers.equalTo(new SupporterFlaggedForRecheck(ID,
                                        EligibilityCriterion.TRAINING_COMPLETED, TRAINED.plusMonths(36))))));
    }

    @Test
    void aNewInspectionBelowGoodFlagsAnApprovedSupporterForRecheck() {
        EligibilityEvidence judged = new EligibilityEvidence(EligibilityCriterion.INSPECTION_JUDGEMENT, null,
                InspectionJudgement.REQUIRES_IMPROVEMENT, LocalDate.of(2026, 6, 1), null, false);
        fixture.given(approved())
                .when(new RecordEligibilityEvidence(ID, judged))
                .expectEvents(new EligibilityEvidenceRecorded(ID, judged),
                        new SupporterFlaggedForRecheck(ID, EligibilityCriterion.INSPECTION_JUDGEMENT,
                                LocalDate.of(2026, 6, 1)));
    }

    @Test
    void renewedTrainingClearsTheFlagAndRestartsTheRefresherClock() {
        EligibilityEvidence renewed = new EligibilityEvidence(EligibilityCriterion.TRAINING_COMPLETED, null, null,
                LocalDate.of(2027, 4, 1), null, false);
        fixture.given(approved(new SupporterFlaggedForRecheck(ID, EligibilityCriterion.TRAINING_COMPLETED,
                        TRAINED.plusMonths(36))))
                .when(new RecordEligibilityEvidence(ID, renewed))
                .expectEvents(new EligibilityEvidenceRecorded(ID, renewed),
                        new RecheckCleared(ID, EligibilityCriterion.TRAINING_COMPLETED),
                        new RecheckScheduled(ID, EligibilityCriterion.TRAINING_COMPLETED,
                                LocalDate.of(2027, 4, 1).plusMonths(36), 36));
    }
}

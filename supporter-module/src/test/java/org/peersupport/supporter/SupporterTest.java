package org.peersupport.supporter;

import org.peersupport.kernel.ProgrammeTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.kernel.AreasOfNeed;
import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.FieldNotCollected;
import org.peersupport.kernel.InspectionJudgement;
import org.peersupport.kernel.PersonalData;
import org.peersupport.kernel.Phase;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.RuleBook;
import org.peersupport.kernel.SchoolType;
import org.peersupport.kernel.SizeBand;
import org.peersupport.kernel.UnknownAreaOfNeed;
import org.peersupport.kernel.UnknownRegion;
import org.peersupport.supporter.api.ApproveSupporter;
import org.peersupport.supporter.api.CapacityReleased;
import org.peersupport.supporter.api.CapacityReserved;
import org.peersupport.supporter.api.EligibilityEvidence;
import org.peersupport.supporter.api.EligibilityEvidenceRecorded;
import org.peersupport.supporter.api.EligibilityNotMet;
import org.peersupport.supporter.api.FormerHeadsNotAccepted;
import org.peersupport.supporter.api.NoCapacityLeft;
import org.peersupport.supporter.api.PauseSupporter;
import org.peersupport.supporter.api.RecordEligibilityEvidence;
import org.peersupport.supporter.api.RegisterSupporter;
import org.peersupport.supporter.api.ReleaseCapacity;
import org.peersupport.supporter.api.ReserveCapacity;
import org.peersupport.supporter.api.ResumeSupporter;
import org.peersupport.supporter.api.SupporterAlreadyApproved;
import org.peersupport.supporter.api.SupporterApproved;
import org.peersupport.supporter.api.SupporterHasWithdrawn;
import org.peersupport.supporter.api.SupporterNotApproved;
import org.peersupport.supporter.api.SupporterNotAvailable;
import org.peersupport.supporter.api.SupporterNotPaused;
import org.peersupport.supporter.api.SupporterPaused;
import org.peersupport.supporter.api.SupporterProfile;
import org.peersupport.supporter.api.SupporterRegistered;
import org.peersupport.supporter.api.SupporterResumed;
import org.peersupport.supporter.api.SupporterWithdrew;
import org.peersupport.supporter.api.WithdrawSupporter;

class SupporterTest {

    private static final String ID = "supporter-1";
    private static final LocalDate REGISTERED_ON = LocalDate.of(2025, 1, 6);
    private static final LocalDate AS_OF = LocalDate.of(2025, 9, 1);

    private FixtureConfiguration<Supporter> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Supporter.class);
    }

    // ---- profiles, evidence and given-events -------------------------------------------------

    private static PersonalData personal(String value) {
        return PersonalData.of(ID, value);
    }

    private static SupporterProfile servingHead() {
        return new SupporterProfile(personal("Robin Ashdown"), personal("r.ashdown@school.example"),
                personal("Ashdown Primary"), personal("Twelve years leading small rural primaries"),
                "north", Phase.PRIMARY, Set.of(SchoolType.MAINTAINED, SchoolType.RURAL), SizeBand.SMALL,
                Set.of(AreasOfNeed.BUDGET, AreasOfNeed.OFSTED), false);
    }

    private static SupporterProfile formerHead() {
        return new SupporterProfile(personal("Sam Birch"), personal("s.birch@association.example"),
                personal("Birch Academy"), null,
                "south", Phase.SECONDARY, Set.of(SchoolType.ACADEMY), SizeBand.LARGE,
                Set.of(AreasOfNeed.WELLBEING), true);
    }

    /** Seed 001 collects only a name and a work email. */
    private static SupporterProfile minimalProfile() {
        return new SupporterProfile(personal("Alex Cole"), personal("a.cole@school.example"), null, null,
                "east", Phase.SECONDARY, Set.of(), SizeBand.MEDIUM, Set.of(AreasOfNeed.STAFFING), false);
    }

    private static SupporterRegistered registered(RuleBook book, SupporterProfile profile, int capacity) {
        return new SupporterRegistered(ID, book.programmeId(), profile, capacity, REGISTERED_ON);
    }

    private static SupporterRegistered registeredUnder000() {
        return registered(ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), servingHead(), 2);
    }

    private static EligibilityEvidence years(int years) {
        return new EligibilityEvidence(EligibilityCriterion.YEARS_AS_HEAD, years, null, null, null, false);
    }

    private static EligibilityEvidence inspection(InspectionJudgement judgement, LocalDate date) {
        return new EligibilityEvidence(EligibilityCriterion.INSPECTION_JUDGEMENT, null, judgement, date, null, false);
    }

    private static EligibilityEvidence confirmed(EligibilityCriterion criterion, boolean confirmed) {
        return new EligibilityEvidence(criterion, null, null, null, null, confirmed);
    }

    private static EligibilityEvidence training(LocalDate completedOn) {
        return new EligibilityEvidence(EligibilityCriterion.TRAINING_COMPLETED, null, null, completedOn, null, false);
    }

    private static EligibilityEvidence areasHandled(Set<String> areas, LocalDate lastHandled) {
        return new EligibilityEvidence(EligibilityCriterion.AREAS_HANDLED, null, null, lastHandled, areas, false);
    }

    /** Evidence meeting every seed-000 criterion as at {@link #AS_OF}. */
    private static List<EligibilityEvidence> fullSeed000Evidence() {
        return List.of(
                years(7),
                inspection(InspectionJudgement.GOOD, LocalDate.of(2023, 3, 1)),
                confirmed(EligibilityCriterion.LOCAL_KNOWLEDGE, true),
                confirmed(EligibilityCriterion.COACHING_RECORD, true),
                training(LocalDate.of(2024, 1, 15)));
    }

    /** Registered under seed 000 with {@code evidence} recorded, one event per piece, in order. */
    private static Object[] registeredWith(List<EligibilityEvidence> evidence) {
        List<Object> events = new ArrayList<>();
        events.add(registeredUnder000());
        evidence.forEach(e -> events.add(new EligibilityEvidenceRecorded(ID, e)));
        return events.toArray();
    }

    /** Full seed-000 evidence, with one criterion's evidence replaced (recorded last, so it wins). */
    private static Object[] registeredWithFullEvidenceExcept(EligibilityEvidence replacement) {
        List<EligibilityEvidence> evidence = new ArrayList<>(fullSeed000Evidence());
        evidence.add(replacement);
        return registeredWith(evidence);
    }

    private static Object[] approvedUnder000() {
        List<Object> events = new ArrayList<>(Arrays.asList(registeredWith(fullSeed000Evidence())));
        events.add(new SupporterApproved(ID, "p-000", 1, AS_OF));
        return events.toArray();
    }

    private static Object[] approvedUnder000And(Object... later) {
        List<Object> events = new ArrayList<>(Arrays.asList(approvedUnder000()));
        events.addAll(Arrays.asList(later));
        return events.toArray();
    }

    private static ApproveSupporter approveUnder000() {
        return new ApproveSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), AS_OF);
    }

    /** Seed 000's rules, but with training that never needs a refresher. */
    private static ProgrammeRules seed000WithoutRefresher() {
        return ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules().withTrainingValidForMonths(null);
    }

    // ---- registration ----------------------------------------------------------------------

    /** Approval comes first; what follows it (supervision, re-check schedules) has its own tests. */
    private static org.hamcrest.Matcher<java.util.List<org.axonframework.messaging.Message<?>>> approvalFirst(
            SupporterApproved approved) {
        return org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.sequenceOf(
                        org.axonframework.test.matchers.Matchers.equalTo(approved)));
    }

    @Nested
    class Registration {

        @Test
        void aServingHeadRegistersWithTheProgrammesDefaultCapacity() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), servingHead(), null, REGISTERED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SupporterRegistered(ID, "p-000", servingHead(), 2, REGISTERED_ON));
        }

        @Test
        void aSupporterMayOfferFewerPlacesThanTheProgrammeDefault() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), servingHead(), 1, REGISTERED_ON))
                    .expectEvents(new SupporterRegistered(ID, "p-000", servingHead(), 1, REGISTERED_ON));
        }

        @Test
        void aFormerHeadIsRefusedUnderSeed000Rules() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), formerHead(), null, REGISTERED_ON))
                    .expectException(FormerHeadsNotAccepted.class)
                    .expectNoEvents();
        }

        @Test
        void aFormerHeadIsAcceptedUnderSeed002Rules() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), formerHead(), null, REGISTERED_ON))
                    .expectEvents(new SupporterRegistered(ID, "p-002", formerHead(), 3, REGISTERED_ON));
        }

        @Test
        void aRegionOutsideTheProgrammeIsRefused() {
            SupporterProfile p = servingHead();
            SupporterProfile elsewhere = new SupporterProfile(p.name(), p.workEmail(), p.schoolName(), p.background(),
                    "atlantis", p.phase(), p.schoolTypes(), p.sizeBand(), p.areasHandled(), false);
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), elsewhere, null, REGISTERED_ON))
                    .expectException(UnknownRegion.class)
                    .expectNoEvents();
        }

        @Test
        void anAreaOutsideTheProgrammesVocabularyIsRefused() {
            SupporterProfile p = servingHead();
            SupporterProfile oddArea = new SupporterProfile(p.name(), p.workEmail(), p.schoolName(), p.background(),
                    p.region(), p.phase(), p.schoolTypes(), p.sizeBand(), Set.of(AreasOfNeed.BUDGET, "astrology"),
                    false);
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), oddArea, null, REGISTERED_ON))
                    .expectException(UnknownAreaOfNeed.class)
                    .expectNoEvents();
        }

        @Test
        void aSchoolNameIsRefusedWhereTheProgrammeDoesNotCollectIt() {
            SupporterProfile p = minimalProfile();
            SupporterProfile withSchool = new SupporterProfile(p.name(), p.workEmail(), personal("Cole High"), null,
                    p.region(), p.phase(), p.schoolTypes(), p.sizeBand(), p.areasHandled(), false);
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), withSchool, null, REGISTERED_ON))
                    .expectException(FieldNotCollected.class)
                    .expectExceptionMessage(containsString("SCHOOL_NAME"))
                    .expectNoEvents();
        }

        @Test
        void aBackgroundIsRefusedWhereTheProgrammeDoesNotCollectIt() {
            SupporterProfile p = minimalProfile();
            SupporterProfile withBackground = new SupporterProfile(p.name(), p.workEmail(), null,
                    personal("A long career"), p.region(), p.phase(), p.schoolTypes(), p.sizeBand(), p.areasHandled(),
                    false);
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), withBackground, null, REGISTERED_ON))
                    .expectException(FieldNotCollected.class)
                    .expectExceptionMessage(containsString("BACKGROUND"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheFieldsAProgrammeCollectsAreNeededToRegister() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), minimalProfile(), null, REGISTERED_ON))
                    .expectEvents(new SupporterRegistered(ID, "p-001", minimalProfile(), 1, REGISTERED_ON));
        }
    }

    // ---- evidence and approval ---------------------------------------------------------------

    @Nested
    class Approval {

        @Test
        void evidenceIsRecordedAgainstTheSupporter() {
            fixture.given(registeredUnder000())
                    .when(new RecordEligibilityEvidence(ID, years(7)))
                    .expectEvents(new EligibilityEvidenceRecorded(ID, years(7)));
        }

        @Test
        void evidenceCannotBeRecordedForAWithdrawnSupporter() {
            fixture.given(registeredUnder000(), new SupporterWithdrew(ID))
                    .when(new RecordEligibilityEvidence(ID, years(7)))
                    .expectException(SupporterHasWithdrawn.class)
                    .expectNoEvents();
        }

        @Test
        void aSupporterEvidencingEveryCriterionIsApprovedUnderTheRuleBooksVersion() {
            fixture.given(registeredWith(fullSeed000Evidence()))
                    .when(new ApproveSupporter(ID, new RuleBook("p-000", 4, ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules()), AS_OF))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-000", 4, AS_OF)));
        }

        @ParameterizedTest
        @EnumSource(value = EligibilityCriterion.class,
                names = {"YEARS_AS_HEAD", "INSPECTION_JUDGEMENT", "LOCAL_KNOWLEDGE", "COACHING_RECORD",
                        "TRAINING_COMPLETED"})
        void approvalNeedsEvidenceForEveryCriterionTheProgrammeRequires(EligibilityCriterion missing) {
            List<EligibilityEvidence> evidence = fullSeed000Evidence().stream()
                    .filter(e -> e.criterion() != missing)
                    .toList();
            fixture.given(registeredWith(evidence))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString(missing.name()))
                    .expectNoEvents();
        }

        @Test
        void fewerYearsAsHeadThanTheMinimumFallShort() {
            fixture.given(registeredWithFullEvidenceExcept(years(4)))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("YEARS_AS_HEAD"))
                    .expectNoEvents();
        }

        @Test
        void exactlyTheMinimumYearsAsHeadIsEnough() {
            fixture.given(registeredWithFullEvidenceExcept(years(5)))
                    .when(approveUnder000())
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-000", 1, AS_OF)));
        }

        @ParameterizedTest
        @EnumSource(value = InspectionJudgement.class, names = {"REQUIRES_IMPROVEMENT", "INADEQUATE"})
        void aSchoolJudgedLessThanGoodFallsShort(InspectionJudgement judgement) {
            fixture.given(registeredWithFullEvidenceExcept(inspection(judgement, LocalDate.of(2024, 5, 1))))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("INSPECTION_JUDGEMENT"))
                    .expectNoEvents();
        }

        @Test
        void anOutstandingSchoolMeetsTheInspectionCriterion() {
            fixture.given(registeredWithFullEvidenceExcept(
                            inspection(InspectionJudgement.OUTSTANDING, LocalDate.of(2022, 11, 1))))
                    .when(approveUnder000())
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-000", 1, AS_OF)));
        }

        @Test
        void anInspectionJudgementWithoutItsDateFallsShort() {
            fixture.given(registeredWithFullEvidenceExcept(inspection(InspectionJudgement.GOOD, null)))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("INSPECTION_JUDGEMENT"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = EligibilityCriterion.class, names = {"LOCAL_KNOWLEDGE", "COACHING_RECORD"})
        void anUnconfirmedCheckFallsShort(EligibilityCriterion criterion) {
            fixture.given(registeredWithFullEvidenceExcept(confirmed(criterion, false)))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString(criterion.name()))
                    .expectNoEvents();
        }

        @Test
        void trainingPastItsRefresherDateFallsShort() {
            // 36 months of validity: training on 2022-08-31 ran out on 2025-08-31, the day before AS_OF
            fixture.given(registeredWithFullEvidenceExcept(training(LocalDate.of(2022, 8, 31))))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("TRAINING_COMPLETED"))
                    .expectNoEvents();
        }

        @Test
        void trainingOnItsRefresherDateIsStillValid() {
            fixture.given(registeredWithFullEvidenceExcept(training(LocalDate.of(2022, 9, 1))))
                    .when(approveUnder000())
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-000", 1, AS_OF)));
        }

        @Test
        void trainingWithoutACompletionDateFallsShort() {
            fixture.given(registeredWithFullEvidenceExcept(training(null)))
                    .when(approveUnder000())
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("TRAINING_COMPLETED"))
                    .expectNoEvents();
        }

        @Test
        void trainingNeverExpiresWhereTheProgrammeSetsNoRefresher() {
            fixture.given(registeredWithFullEvidenceExcept(training(LocalDate.of(2010, 1, 1))))
                    .when(new ApproveSupporter(ID, new RuleBook("p-000", 2, seed000WithoutRefresher()), AS_OF))
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-000", 2, AS_OF)));
        }

        @Test
        void areasHandledWithinTheLastThreeYearsMeetSeed001() {
            fixture.given(registered(ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), minimalProfile(), 1),
                            new EligibilityEvidenceRecorded(ID,
                                    areasHandled(Set.of(AreasOfNeed.STAFFING), LocalDate.of(2022, 9, 1))))
                    .when(new ApproveSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), AS_OF))
                    .expectEvents(new SupporterApproved(ID, "p-001", 1, AS_OF));
        }

        @Test
        void areasHandledTooLongAgoFallShort() {
            fixture.given(registered(ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), minimalProfile(), 1),
                            new EligibilityEvidenceRecorded(ID,
                                    areasHandled(Set.of(AreasOfNeed.STAFFING), LocalDate.of(2022, 8, 31))))
                    .when(new ApproveSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), AS_OF))
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("AREAS_HANDLED"))
                    .expectNoEvents();
        }

        @Test
        void noAreasHandledFallsShort() {
            fixture.given(registered(ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), minimalProfile(), 1),
                            new EligibilityEvidenceRecorded(ID, areasHandled(Set.of(), LocalDate.of(2025, 1, 1))))
                    .when(new ApproveSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), AS_OF))
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("AREAS_HANDLED"))
                    .expectNoEvents();
        }

        @Test
        void seed001ApprovalNeedsAreasHandledEvidence() {
            fixture.given(registered(ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), minimalProfile(), 1))
                    .when(new ApproveSupporter(ID, ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001"), AS_OF))
                    .expectException(EligibilityNotMet.class)
                    .expectExceptionMessage(containsString("AREAS_HANDLED"))
                    .expectNoEvents();
        }

        @Test
        void aFormerHeadIsApprovedUnderSeed002Rules() {
            fixture.given(registered(ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), formerHead(), 3), new EligibilityEvidenceRecorded(ID, years(1)))
                    .when(new ApproveSupporter(ID, ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), AS_OF))
                    .expectEventsMatching(approvalFirst(new SupporterApproved(ID, "p-002", 1, AS_OF)));
        }

        @Test
        void aFormerHeadCannotBeApprovedUnderRulesThatRefuseFormerHeads() {
            List<Object> events = new ArrayList<>();
            events.add(registered(ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002"), formerHead(), 3));
            fullSeed000Evidence().forEach(e -> events.add(new EligibilityEvidenceRecorded(ID, e)));
            fixture.given(events)
                    .when(approveUnder000())
                    .expectException(FormerHeadsNotAccepted.class)
                    .expectNoEvents();
        }

        @Test
        void approvalHappensOnce() {
            fixture.given(approvedUnder000())
                    .when(approveUnder000())
                    .expectException(SupporterAlreadyApproved.class)
                    .expectNoEvents();
        }

        @Test
        void aPausedSupporterIsAlreadyApproved() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID)))
                    .when(approveUnder000())
                    .expectException(SupporterAlreadyApproved.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnSupporterCannotBeApproved() {
            List<Object> events = new ArrayList<>(Arrays.asList(registeredWith(fullSeed000Evidence())));
            events.add(new SupporterWithdrew(ID));
            fixture.given(events)
                    .when(approveUnder000())
                    .expectException(SupporterHasWithdrawn.class)
                    .expectNoEvents();
        }
    }

    // ---- stepping back -------------------------------------------------------------------------

    @Nested
    class SteppingBack {

        @Test
        void anApprovedSupporterMayPause() {
            fixture.given(approvedUnder000())
                    .when(new PauseSupporter(ID))
                    .expectEvents(new SupporterPaused(ID));
        }

        @Test
        void pausingTwiceChangesNothing() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID)))
                    .when(new PauseSupporter(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSupporterNotYetApprovedCannotPause() {
            fixture.given(registeredUnder000())
                    .when(new PauseSupporter(ID))
                    .expectException(SupporterNotApproved.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnSupporterCannotPause() {
            fixture.given(approvedUnder000And(new SupporterWithdrew(ID)))
                    .when(new PauseSupporter(ID))
                    .expectException(SupporterHasWithdrawn.class)
                    .expectNoEvents();
        }

        @Test
        void aPausedSupporterMayResume() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID)))
                    .when(new ResumeSupporter(ID))
                    .expectEvents(new SupporterResumed(ID));
        }

        @Test
        void onlyAPausedSupporterCanResume() {
            fixture.given(approvedUnder000())
                    .when(new ResumeSupporter(ID))
                    .expectException(SupporterNotPaused.class)
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnSupporterCannotResume() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID), new SupporterWithdrew(ID)))
                    .when(new ResumeSupporter(ID))
                    .expectException(SupporterHasWithdrawn.class)
                    .expectNoEvents();
        }

        @Test
        void aSupporterMayWithdrawWithoutGivingAReason() {
            assertThat(WithdrawSupporter.class.getRecordComponents())
                    .extracting(RecordComponent::getName)
                    .containsExactly("supporterId");
            assertThat(SupporterWithdrew.class.getRecordComponents())
                    .extracting(RecordComponent::getName)
                    .containsExactly("supporterId");
            fixture.given(approvedUnder000())
                    .when(new WithdrawSupporter(ID))
                    .expectEvents(new SupporterWithdrew(ID));
        }

        @Test
        void aSupporterMayWithdrawBeforeApproval() {
            fixture.given(registeredUnder000())
                    .when(new WithdrawSupporter(ID))
                    .expectEvents(new SupporterWithdrew(ID));
        }

        @Test
        void aPausedSupporterMayWithdraw() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID)))
                    .when(new WithdrawSupporter(ID))
                    .expectEvents(new SupporterWithdrew(ID));
        }

        @Test
        void withdrawingTwiceChangesNothing() {
            fixture.given(approvedUnder000And(new SupporterWithdrew(ID)))
                    .when(new WithdrawSupporter(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---- the capacity ledger -------------------------------------------------------------------

    @Nested
    class CapacityLedger {

        @Test
        void reservingAPlaceEntersItInTheLedger() {
            fixture.given(approvedUnder000())
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectEvents(new CapacityReserved(ID, "match-1", 1, 2));
        }

        @Test
        void placesCanBeReservedUpToCapacity() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2)))
                    .when(new ReserveCapacity(ID, "match-2"))
                    .expectEvents(new CapacityReserved(ID, "match-2", 2, 2));
        }

        @Test
        void noPlaceIsReservedBeyondCapacity() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2),
                            new CapacityReserved(ID, "match-2", 2, 2)))
                    .when(new ReserveCapacity(ID, "match-3"))
                    .expectException(NoCapacityLeft.class)
                    .expectNoEvents();
        }

        @Test
        void theCapacityASupporterOfferedIsTheirLimit() {
            fixture.given(registered(ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000"), servingHead(), 1),
                            new SupporterApproved(ID, "p-000", 1, AS_OF),
                            new CapacityReserved(ID, "match-1", 1, 1))
                    .when(new ReserveCapacity(ID, "match-2"))
                    .expectException(NoCapacityLeft.class)
                    .expectNoEvents();
        }

        @Test
        void reservingTheSameMatchTwiceChangesNothing() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2)))
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reservingAMatchAlreadyHeldSucceedsEvenWhenFull() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2),
                            new CapacityReserved(ID, "match-2", 2, 2)))
                    .when(new ReserveCapacity(ID, "match-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasingAPlaceEntersItInTheLedger() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2),
                            new CapacityReserved(ID, "match-2", 2, 2)))
                    .when(new ReleaseCapacity(ID, "match-1"))
                    .expectEvents(new CapacityReleased(ID, "match-1", 1, 2));
        }

        @Test
        void aReleasedPlaceCanBeReservedAgain() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2),
                            new CapacityReserved(ID, "match-2", 2, 2),
                            new CapacityReleased(ID, "match-1", 1, 2)))
                    .when(new ReserveCapacity(ID, "match-3"))
                    .expectEvents(new CapacityReserved(ID, "match-3", 2, 2));
        }

        @Test
        void releasingAPlaceNotHeldChangesNothing() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2),
                            new CapacityReleased(ID, "match-1", 0, 2)))
                    .when(new ReleaseCapacity(ID, "match-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPausedSupporterStillGivesPlacesBack() {
            fixture.given(approvedUnder000And(new CapacityReserved(ID, "match-1", 1, 2), new SupporterPaused(ID)))
                    .when(new ReleaseCapacity(ID, "match-1"))
                    .expectEvents(new CapacityReleased(ID, "match-1", 0, 2));
        }

        @Test
        void aSupporterNotYetApprovedCannotBeReserved() {
            fixture.given(registeredUnder000())
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectException(SupporterNotApproved.class)
                    .expectNoEvents();
        }

        @Test
        void aPausedSupporterCannotBeReserved() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID)))
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectException(SupporterNotAvailable.class)
                    .expectNoEvents();
        }

        @Test
        void aResumedSupporterCanBeReservedAgain() {
            fixture.given(approvedUnder000And(new SupporterPaused(ID), new SupporterResumed(ID)))
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectEvents(new CapacityReserved(ID, "match-1", 1, 2));
        }

        @Test
        void aWithdrawnSupporterCannotBeReserved() {
            fixture.given(approvedUnder000And(new SupporterWithdrew(ID)))
                    .when(new ReserveCapacity(ID, "match-1"))
                    .expectException(SupporterHasWithdrawn.class)
                    .expectNoEvents();
        }
    }
}

package org.peersupport.kernel;

import java.util.List;
import java.util.Set;

/**
 * A programme's rules, as data: each rule is one named component, read wherever it is enforced.
 * A null cap means the programme sets none. Instances are immutable; a change of rules is a new
 * version of the programme (see {@link RuleBook}), and a cycle keeps the version it started under.
 *
 * @param matchingMode           how heads are matched (000 profiles, 001 proposal, 002 pairing)
 * @param profilesToShare        the most profiles sent to a head at once (000)
 * @param supporterCriteria      eligibility criteria a supporter must evidence before approval
 * @param minYearsAsHead         threshold for {@link EligibilityCriterion#YEARS_AS_HEAD}
 * @param acceptsFormerHeads     whether former (not serving) heads may support (002)
 * @param areasHandledWithinYears how recent handled areas must be (001: three years)
 * @param trainingValidForMonths after this long training needs a refresher; null = never
 * @param whoMayRequest          roles that may ask for support
 * @param areasOfNeed            the programme's controlled vocabulary of areas of need
 * @param regions                the programme's regions
 * @param firstMeetingMaxMinutes cap on the first meeting's length (000: 60)
 * @param meetingCap             cap on meetings in a cycle (000: 6)
 * @param capCountsInPersonOnly  whether only in-person meetings count towards the cap (000)
 * @param monthsCap              the cycle's length in months before it must be reviewed (000: 6)
 * @param minMeetingsPerTerm     cadence floor per term (002: 1); null = none
 * @param maxMeetingsPerTerm     cadence ceiling per term (002: 2); null = none
 * @param feedbackExpected       whether the head is asked for feedback after the cycle (000 yes, 001 no)
 * @param supporterCapacity      concurrent cycles a supporter takes unless they say otherwise
 * @param personalFieldsCollected personal fields the programme collects at all
 * @param retentionYearsAfterClose years a person's data is kept after their last cycle ends (or a
 *                               supporter withdraws); null keeps it until erased on request
 * @param concernKinds           concerns a supporter reports to the named contact (000: safeguarding,
 *                               whistleblowing; 002: safeguarding, the leader's own well-being)
 * @param supervisionEveryMonths how often a supporter is offered supervision (000, 002); null = no cadence
 * @param feedbackReminderDays   days between reminders to a head who has not yet given feedback
 * @param boundaries             when sessions may happen (000: school day or just after, term time)
 * @param calendar               the programme's term dates, for boundaries and termly cadence
 * @param responseWindowDays     days a match may wait for its answer (the head's, then the supporter's)
 *                               before it expires and the request is reopened; null = no limit
 * @param impactQuestions        the baseline / evaluation questionnaire's items (codes), each scored
 *                               1-5; empty = no impact monitoring
 */
public record ProgrammeRules(
        MatchingMode matchingMode,
        int profilesToShare,
        Set<EligibilityCriterion> supporterCriteria,
        int minYearsAsHead,
        boolean acceptsFormerHeads,
        int areasHandledWithinYears,
        Integer trainingValidForMonths,
        Set<RequesterRole> whoMayRequest,
        Set<String> areasOfNeed,
        Set<String> regions,
        Integer firstMeetingMaxMinutes,
        Integer meetingCap,
        boolean capCountsInPersonOnly,
        Integer monthsCap,
        Integer minMeetingsPerTerm,
        Integer maxMeetingsPerTerm,
        boolean feedbackExpected,
        int supporterCapacity,
        Set<PersonalField> personalFieldsCollected,
        Integer retentionYearsAfterClose,
        Set<ConcernKind> concernKinds,
        Integer supervisionEveryMonths,
        Integer feedbackReminderDays,
        Boundaries boundaries,
        TermCalendar calendar,
        Integer responseWindowDays,
        List<String> impactQuestions) {

    public ProgrammeRules {
        concernKinds = concernKinds == null ? Set.of() : Set.copyOf(concernKinds);
        impactQuestions = impactQuestions == null ? List.of() : List.copyOf(impactQuestions);
        supporterCriteria = Set.copyOf(supporterCriteria);
        whoMayRequest = Set.copyOf(whoMayRequest);
        areasOfNeed = Set.copyOf(areasOfNeed);
        regions = Set.copyOf(regions);
        personalFieldsCollected = Set.copyOf(personalFieldsCollected);
    }

    /** The same rules with another meeting cap. */
    public ProgrammeRules withMeetingCap(Integer cap, boolean inPersonOnly) {
        return new ProgrammeRules(matchingMode, profilesToShare, supporterCriteria, minYearsAsHead, acceptsFormerHeads,
                areasHandledWithinYears, trainingValidForMonths, whoMayRequest, areasOfNeed, regions,
                firstMeetingMaxMinutes, cap, inPersonOnly, monthsCap, minMeetingsPerTerm, maxMeetingsPerTerm,
                feedbackExpected, supporterCapacity, personalFieldsCollected, retentionYearsAfterClose,
                concernKinds, supervisionEveryMonths, feedbackReminderDays, boundaries, calendar,
                responseWindowDays, impactQuestions);
    }

    /** The same rules with another refresher period for training (null: never). */
    public ProgrammeRules withTrainingValidForMonths(Integer months) {
        return new ProgrammeRules(matchingMode, profilesToShare, supporterCriteria, minYearsAsHead, acceptsFormerHeads,
                areasHandledWithinYears, months, whoMayRequest, areasOfNeed, regions, firstMeetingMaxMinutes,
                meetingCap, capCountsInPersonOnly, monthsCap, minMeetingsPerTerm, maxMeetingsPerTerm,
                feedbackExpected, supporterCapacity, personalFieldsCollected, retentionYearsAfterClose,
                concernKinds, supervisionEveryMonths, feedbackReminderDays, boundaries, calendar,
                responseWindowDays, impactQuestions);
    }

    /** The same rules with other session boundaries (null: none). */
    public ProgrammeRules withBoundaries(Boundaries newBoundaries) {
        return new ProgrammeRules(matchingMode, profilesToShare, supporterCriteria, minYearsAsHead, acceptsFormerHeads,
                areasHandledWithinYears, trainingValidForMonths, whoMayRequest, areasOfNeed, regions,
                firstMeetingMaxMinutes, meetingCap, capCountsInPersonOnly, monthsCap, minMeetingsPerTerm,
                maxMeetingsPerTerm, feedbackExpected, supporterCapacity, personalFieldsCollected,
                retentionYearsAfterClose, concernKinds, supervisionEveryMonths, feedbackReminderDays, newBoundaries,
                calendar, responseWindowDays, impactQuestions);
    }

    /** The same rules with another retention period (null: keep until erased on request). */
    public ProgrammeRules withRetentionYears(Integer years) {
        return new ProgrammeRules(matchingMode, profilesToShare, supporterCriteria, minYearsAsHead, acceptsFormerHeads,
                areasHandledWithinYears, trainingValidForMonths, whoMayRequest, areasOfNeed, regions,
                firstMeetingMaxMinutes, meetingCap, capCountsInPersonOnly, monthsCap, minMeetingsPerTerm,
                maxMeetingsPerTerm, feedbackExpected, supporterCapacity, personalFieldsCollected, years, concernKinds,
                supervisionEveryMonths, feedbackReminderDays, boundaries, calendar, responseWindowDays,
                impactQuestions);
    }

    public boolean collects(PersonalField field) {
        return personalFieldsCollected.contains(field);
    }

    /** Rule "regions": the region must be one the programme covers. */
    public void requireRegion(String region) {
        if (!regions.contains(region)) {
            throw new UnknownRegion(region);
        }
    }

    /** Rule "areas of need": every area must come from the programme's vocabulary. */
    public void requireAreas(Set<String> areas) {
        for (String area : areas) {
            if (!areasOfNeed.contains(area)) {
                throw new UnknownAreaOfNeed(area);
            }
        }
    }

    /** Rule "minimisation": a personal field is refused when the programme does not collect it. */
    public void requireCollected(PersonalField field, Object value) {
        if (value != null && !collects(field)) {
            throw new FieldNotCollected(field);
        }
    }
}

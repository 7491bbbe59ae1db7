package org.peersupport.kernel;

import static org.peersupport.kernel.EligibilityCriterion.AREAS_HANDLED;
import static org.peersupport.kernel.EligibilityCriterion.COACHING_RECORD;
import static org.peersupport.kernel.EligibilityCriterion.INSPECTION_JUDGEMENT;
import static org.peersupport.kernel.EligibilityCriterion.LOCAL_KNOWLEDGE;
import static org.peersupport.kernel.EligibilityCriterion.TRAINING_COMPLETED;
import static org.peersupport.kernel.EligibilityCriterion.YEARS_AS_HEAD;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ready-made rules reproducing the three one-to-one programmes in the seeds. Retention periods,
 * supervision cadence (termly, about every four months) and feedback reminders (fortnightly) are
 * sensible defaults the seeds do not fix, as are response windows (a fortnight; a week for 001's
 * yes or no): set your own.
 */
public enum ProgrammeTemplate {

    /** Seed 000: a local authority's headteacher peer support. */
    LOCAL_AUTHORITY_PEER_SUPPORT(new ProgrammeRules(
            MatchingMode.HEAD_CHOOSES_FROM_PROFILES, 3,
            EnumSet.of(YEARS_AS_HEAD, INSPECTION_JUDGEMENT, LOCAL_KNOWLEDGE, COACHING_RECORD, TRAINING_COMPLETED),
            5, false, 3, 36,
            EnumSet.of(RequesterRole.HEADTEACHER, RequesterRole.HEAD_OF_SCHOOL),
            areas(), regions(),
            60, 6, true, 6, null, null,
            true, 2,
            EnumSet.allOf(PersonalField.class), 6,
            EnumSet.of(ConcernKind.SAFEGUARDING, ConcernKind.WHISTLEBLOWING), 4, 14,
            new Boundaries(LocalTime.of(8, 0), LocalTime.of(15, 30), 90, true), calendar(), 14,
            wellbeingItems())),

    /** Seed 001: an association's "Headstrong" directory; keeps only what is needed to match. */
    ASSOCIATION_DIRECTORY(new ProgrammeRules(
            MatchingMode.COORDINATOR_PROPOSES, 1,
            EnumSet.of(AREAS_HANDLED),
            0, false, 3, null,
            EnumSet.of(RequesterRole.ASSOCIATION_MEMBER),
            areas(), regions(),
            null, null, false, null, null, null,
            false, 1,
            EnumSet.of(PersonalField.NAME, PersonalField.WORK_EMAIL), 1,
            EnumSet.of(ConcernKind.SAFEGUARDING), null, null, null, null, 7, List.of())),

    /** Seed 002: pastoral support associates, serving and former heads, once or twice a term. */
    PASTORAL_ASSOCIATES(new ProgrammeRules(
            MatchingMode.COORDINATOR_PAIRS, 1,
            EnumSet.of(YEARS_AS_HEAD),
            1, true, 3, null,
            EnumSet.of(RequesterRole.HEADTEACHER, RequesterRole.HEAD_OF_SCHOOL, RequesterRole.EXECUTIVE_HEADTEACHER,
                    RequesterRole.PRINCIPAL),
            areas(), regions(),
            null, null, false, null, 1, 2,
            false, 3,
            EnumSet.of(PersonalField.NAME, PersonalField.WORK_EMAIL, PersonalField.SCHOOL_NAME), 3,
            EnumSet.of(ConcernKind.SAFEGUARDING, ConcernKind.LEADER_WELLBEING), 4, null, null, calendar(),
            14, wellbeingItems()));

    private final ProgrammeRules rules;

    /**
     * Invented well-being items for the baseline (before support) and evaluation (after) questionnaire,
     * each scored 1 (not at all) to 5 (all of the time): "I feel able to cope with the demands of the
     * role", "I have someone to talk to about work", "I feel confident in my decisions", "My workload
     * feels manageable".
     */
    public static List<String> wellbeingItems() {
        return List.of("coping", "someone-to-talk-to", "confidence", "manageable-workload");
    }

    ProgrammeTemplate(ProgrammeRules rules) {
        this.rules = rules;
    }

    public ProgrammeRules rules() {
        return rules;
    }

    /** These rules as version 1 of the given programme. */
    public RuleBook ruleBook(String programmeId) {
        return new RuleBook(programmeId, 1, rules);
    }

    private static Set<String> areas() {
        return new LinkedHashSet<>(AreasOfNeed.STANDARD);
    }

    /** England's typical terms for 2024/25 to 2035/36: edit to the authority's published dates. */
    private static TermCalendar calendar() {
        return TermCalendar.englandTypical(2024, 2035);
    }

    /** Invented regions for the templates; a programme sets its own. */
    private static Set<String> regions() {
        return new LinkedHashSet<>(List.of("north", "south", "east", "west", "central"));
    }
}

package org.peersupport.supporter;

import static org.peersupport.kernel.EligibilityCriterion.AREAS_HANDLED;
import static org.peersupport.kernel.EligibilityCriterion.COACHING_RECORD;
import static org.peersupport.kernel.EligibilityCriterion.INSPECTION_JUDGEMENT;
import static org.peersupport.kernel.EligibilityCriterion.LOCAL_KNOWLEDGE;
import static org.peersupport.kernel.EligibilityCriterion.TRAINING_COMPLETED;
import static org.peersupport.kernel.EligibilityCriterion.YEARS_AS_HEAD;

import java.util.EnumSet;
import java.util.Set;
import org.peersupport.kernel.AreasOfNeed;
import org.peersupport.kernel.MatchingMode;
import org.peersupport.kernel.PersonalField;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleBook;

/**
 * Test copies of the application's ProgrammeTemplate rules (which this module cannot see):
 * seed 000 (local authority peer support), 001 (association directory), 002 (pastoral associates).
 * Keep in step with application/src/main/java/org/peersupport/programme/api/ProgrammeTemplate.java.
 */
final class Rules {

    static final Set<String> REGIONS = Set.of("north", "south", "east", "west", "central");

    private Rules() {
    }

    /** Seed 000: a local authority's headteacher peer support. */
    static ProgrammeRules seed000() {
        return new ProgrammeRules(
                MatchingMode.HEAD_CHOOSES_FROM_PROFILES, 3,
                EnumSet.of(YEARS_AS_HEAD, INSPECTION_JUDGEMENT, LOCAL_KNOWLEDGE, COACHING_RECORD, TRAINING_COMPLETED),
                5, false, 3, 36,
                EnumSet.of(RequesterRole.HEADTEACHER, RequesterRole.HEAD_OF_SCHOOL),
                Set.copyOf(AreasOfNeed.STANDARD), REGIONS,
                60, 6, true, 6, null, null,
                true, 2,
                EnumSet.allOf(PersonalField.class));
    }

    /** Seed 001: an association's directory; keeps only what is needed to match. */
    static ProgrammeRules seed001() {
        return new ProgrammeRules(
                MatchingMode.COORDINATOR_PROPOSES, 1,
                EnumSet.of(AREAS_HANDLED),
                0, false, 3, null,
                EnumSet.of(RequesterRole.ASSOCIATION_MEMBER),
                Set.copyOf(AreasOfNeed.STANDARD), REGIONS,
                null, null, false, null, null, null,
                false, 1,
                EnumSet.of(PersonalField.NAME, PersonalField.WORK_EMAIL));
    }

    /** Seed 002: pastoral support associates, serving and former heads. */
    static ProgrammeRules seed002() {
        return new ProgrammeRules(
                MatchingMode.COORDINATOR_PAIRS, 1,
                EnumSet.of(YEARS_AS_HEAD),
                1, true, 3, null,
                EnumSet.of(RequesterRole.HEADTEACHER, RequesterRole.HEAD_OF_SCHOOL, RequesterRole.EXECUTIVE_HEADTEACHER,
                        RequesterRole.PRINCIPAL),
                Set.copyOf(AreasOfNeed.STANDARD), REGIONS,
                null, null, false, null, 1, 2,
                false, 3,
                EnumSet.of(PersonalField.NAME, PersonalField.WORK_EMAIL, PersonalField.SCHOOL_NAME));
    }

    static RuleBook book000() {
        return new RuleBook("p-000", 1, seed000());
    }

    static RuleBook book001() {
        return new RuleBook("p-001", 1, seed001());
    }

    static RuleBook book002() {
        return new RuleBook("p-002", 1, seed002());
    }
}

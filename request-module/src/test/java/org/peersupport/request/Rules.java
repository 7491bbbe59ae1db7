package org.peersupport.request;

import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.kernel.RuleBook;

/**
 * The seed templates' rules (000, 001, 002) as version 1 of programmes p-000, p-001, p-002. Seed
 * 000 here leaves out its session boundaries, so tests of caps and windows need not pick term-time
 * weekdays; {@code BoundariesAndCadenceTest} tests the boundaries with the full template.
 */
final class Rules {

    private Rules() {
    }

    static ProgrammeRules seed000() {
        return ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules().withBoundaries(null);
    }

    static ProgrammeRules seed001() {
        return ProgrammeTemplate.ASSOCIATION_DIRECTORY.rules();
    }

    static ProgrammeRules seed002() {
        return ProgrammeTemplate.PASTORAL_ASSOCIATES.rules();
    }

    static RuleBook book000() {
        return new RuleBook("p-000", 1, seed000());
    }

    static RuleBook book001() {
        return ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001");
    }

    static RuleBook book002() {
        return ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002");
    }
}

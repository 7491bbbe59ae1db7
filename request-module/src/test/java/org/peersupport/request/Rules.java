package org.peersupport.request;

import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.kernel.ProgrammeTemplate;
import org.peersupport.kernel.RuleBook;

/** The seed templates' rules (000, 001, 002) as version 1 of programmes p-000, p-001, p-002. */
final class Rules {

    private Rules() {
    }

    static ProgrammeRules seed000() {
        return ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.rules();
    }

    static ProgrammeRules seed001() {
        return ProgrammeTemplate.ASSOCIATION_DIRECTORY.rules();
    }

    static ProgrammeRules seed002() {
        return ProgrammeTemplate.PASTORAL_ASSOCIATES.rules();
    }

    static RuleBook book000() {
        return ProgrammeTemplate.LOCAL_AUTHORITY_PEER_SUPPORT.ruleBook("p-000");
    }

    static RuleBook book001() {
        return ProgrammeTemplate.ASSOCIATION_DIRECTORY.ruleBook("p-001");
    }

    static RuleBook book002() {
        return ProgrammeTemplate.PASTORAL_ASSOCIATES.ruleBook("p-002");
    }
}

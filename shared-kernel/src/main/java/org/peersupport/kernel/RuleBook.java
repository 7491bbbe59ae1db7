package org.peersupport.kernel;

import java.util.Objects;

/** A programme's rules at one version: what a request or approval is judged against, and keeps. */
public record RuleBook(String programmeId, int version, ProgrammeRules rules) {
    public RuleBook {
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(rules, "rules");
    }
}

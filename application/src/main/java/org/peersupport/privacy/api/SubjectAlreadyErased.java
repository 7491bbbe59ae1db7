package org.peersupport.privacy.api;

import org.peersupport.kernel.RuleViolation;

/** There is nothing left to erase. */
public class SubjectAlreadyErased extends RuleViolation {
    public SubjectAlreadyErased(String subject) {
        super("Subject " + subject + " has already been erased");
    }
}

package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Where a programme sets boundaries, a session says when it started. */
public class SessionTimeRequired extends RuleViolation {
    public SessionTimeRequired() {
        super("This programme needs the session's start time to check its boundaries");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

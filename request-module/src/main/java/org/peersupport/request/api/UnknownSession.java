package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: UnknownSession. */
public class UnknownSession extends RuleViolation {
    public UnknownSession(String sessionId) {
        super("No session " + sessionId + " in this cycle");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

public class ConcernActionAlreadyAgreed extends RuleViolation {
    public ConcernActionAlreadyAgreed(String concernId) {
        super("An action has already been agreed for concern " + concernId);
    }
}

package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 000: further support is agreed, so an extension needs the head's agreement. */
public class ExtensionNotAgreedWithHead extends RuleViolation {
    public ExtensionNotAgreedWithHead(String requestId) {
        super("An extension of request " + requestId + " needs the head's agreement");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** An extension says how many more months it runs. */
public class ExtensionNeedsLength extends RuleViolation {
    public ExtensionNeedsLength() {
        super("An extension needs extraMonths of at least 1");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

package org.peersupport.request.api;

import org.peersupport.kernel.ConcernKind;
import org.peersupport.kernel.RuleViolation;

/** The programme's named contact does not handle this kind of concern. */
public class ConcernKindNotHandled extends RuleViolation {
    public ConcernKindNotHandled(ConcernKind kind) {
        super("This programme does not take " + kind + " concerns through its named contact");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}

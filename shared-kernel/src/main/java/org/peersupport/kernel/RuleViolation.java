package org.peersupport.kernel;

/**
 * A command broke a programme or lifecycle rule. Each rule is its own subclass; the class's simple
 * name is the rule's name, which the API returns so a client can tell rules apart. Messages carry
 * no personal data.
 */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String message) {
        super(message, null, false, false);
    }

    public String rule() {
        return getClass().getSimpleName();
    }

    /** Whether the rule is about the state of things now (409) rather than the request itself (422). */
    public boolean isConflict() {
        return true;
    }
}

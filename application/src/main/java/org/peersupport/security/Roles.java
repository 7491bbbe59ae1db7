package org.peersupport.security;

/** The four kinds of user. Heads and supporters are what the data is about, not users. */
public final class Roles {
    public static final String COORDINATOR = "COORDINATOR";
    public static final String SAFEGUARDING_LEAD = "SAFEGUARDING_LEAD";
    public static final String AUDITOR = "AUDITOR";
    public static final String INTEGRATION = "INTEGRATION";

    private Roles() {
    }
}

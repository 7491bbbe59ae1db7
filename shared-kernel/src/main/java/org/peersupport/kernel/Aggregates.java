package org.peersupport.kernel;

import java.util.List;

/**
 * The caches of loaded aggregates, one per aggregate type (beans of the application), so a command
 * does not replay an aggregate's whole history each time: a supporter's grows with every match
 * they take. One cache per type, because Axon keys a cache by identifier alone: an identifier of
 * one kind of record sent to another must not find the other's aggregate. Aggregates hold no
 * personal data in their state, so a cached one outlives no erasure.
 */
public final class Aggregates {

    public static final String PROGRAMME_CACHE = "programmeCache";
    public static final String DATA_SUBJECT_CACHE = "dataSubjectCache";
    public static final String SUPPORTER_CACHE = "supporterCache";
    public static final String SUPPORT_REQUEST_CACHE = "supportRequestCache";
    public static final String CONCERN_CACHE = "concernCache";
    public static final String MATCH_CACHE = "matchCache";
    public static final String FEEDBACK_CACHE = "feedbackCache";
    public static final String QUESTIONNAIRE_RESPONSE_CACHE = "questionnaireResponseCache";

    /** Every cache name above, for the application to define. */
    public static final List<String> CACHES = List.of(PROGRAMME_CACHE, DATA_SUBJECT_CACHE, SUPPORTER_CACHE,
            SUPPORT_REQUEST_CACHE, CONCERN_CACHE, MATCH_CACHE, FEEDBACK_CACHE, QUESTIONNAIRE_RESPONSE_CACHE);

    private Aggregates() {
    }
}

package org.peersupport.reporting.api;

/**
 * The request queue, oldest request first; both criteria are optional. A page of at most
 * {@code limit} requests after skipping {@code offset}: a programme's history grows without end.
 */
public record FindRequests(String programmeId, RequestStage stage, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public FindRequests(String programmeId, RequestStage stage) {
        this(programmeId, stage, 0, DEFAULT_LIMIT);
    }
}

package org.peersupport.reporting.api;

public record FindRequest(String requestId) {
}

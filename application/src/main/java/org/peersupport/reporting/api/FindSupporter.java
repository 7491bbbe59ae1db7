package org.peersupport.reporting.api;

public record FindSupporter(String supporterId) {
}

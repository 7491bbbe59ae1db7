package org.peersupport.supporter.api;

public record EligibilityEvidenceRecorded(String supporterId, EligibilityEvidence evidence) {
}

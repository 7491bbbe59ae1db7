package org.peersupport.supporter.api;

import java.time.LocalDate;

public record SupporterApproved(String supporterId, String programmeId, int ruleVersion, LocalDate approvedOn) {
}

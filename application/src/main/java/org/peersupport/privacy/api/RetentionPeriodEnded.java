package org.peersupport.privacy.api;

import java.time.LocalDate;

public record RetentionPeriodEnded(String subject, String programmeId, LocalDate endedOn) {
}

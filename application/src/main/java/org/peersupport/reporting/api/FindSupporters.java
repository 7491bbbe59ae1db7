package org.peersupport.reporting.api;

import org.peersupport.kernel.Phase;
import org.peersupport.kernel.SchoolType;

/** Directory search; every criterion is optional. */
public record FindSupporters(String programmeId, String region, Phase phase, SchoolType schoolType, String area,
                             SupporterStatus status, Boolean available) {
}

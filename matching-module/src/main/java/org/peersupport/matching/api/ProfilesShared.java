package org.peersupport.matching.api;

import java.time.LocalDate;
import java.util.List;

public record ProfilesShared(String matchId, String requestId, String programmeId, List<String> supporterIds, LocalDate sharedOn) {
}

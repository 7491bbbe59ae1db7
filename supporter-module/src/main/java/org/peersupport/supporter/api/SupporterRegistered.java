package org.peersupport.supporter.api;

import java.time.LocalDate;

public record SupporterRegistered(String supporterId, String programmeId, SupporterProfile profile, int capacity,
                                  LocalDate registeredOn) {
}

package org.peersupport.request.api;

import java.time.LocalDate;

/** Who opened it travels as the event's {@code actor} metadata. */
public record ConcernOpened(String concernId, LocalDate openedOn) {
}

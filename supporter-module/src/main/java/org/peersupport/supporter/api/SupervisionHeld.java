package org.peersupport.supporter.api;

import java.time.LocalDate;

/** {@code nextDue} follows the programme's supervision cadence; null where it sets none. */
public record SupervisionHeld(String supporterId, SupervisionKind kind, LocalDate heldOn, LocalDate nextDue) {
}

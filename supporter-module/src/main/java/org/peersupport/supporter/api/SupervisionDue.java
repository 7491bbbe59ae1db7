package org.peersupport.supporter.api;

import java.time.LocalDate;

/** The supporter's supervision fell due without one being held: visible to the coordinator as overdue. */
public record SupervisionDue(String supporterId, LocalDate dueOn) {
}

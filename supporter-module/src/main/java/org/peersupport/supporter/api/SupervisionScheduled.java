package org.peersupport.supporter.api;

import java.time.LocalDate;

/** On approval, where the programme offers supervision every {@code everyMonths} months. */
public record SupervisionScheduled(String supporterId, LocalDate dueOn, int everyMonths) {
}

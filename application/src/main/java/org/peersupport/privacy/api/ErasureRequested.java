package org.peersupport.privacy.api;

import java.time.LocalDate;

/** Recorded with its due date (one month on); if not carried out sooner, erasure happens then. */
public record ErasureRequested(String subject, LocalDate requestedOn, LocalDate dueBy) {
}

package org.peersupport.lifecycle.api;

import java.time.LocalDate;

/** Seed 000: the head chose one of the shared profiles; that supporter's place is held. */
public record ChooseSupporter(String matchId, String supporterId, LocalDate chosenOn) {
}

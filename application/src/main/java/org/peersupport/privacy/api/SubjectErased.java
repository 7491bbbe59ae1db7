package org.peersupport.privacy.api;

import java.time.LocalDate;

/**
 * The subject's key is shredded: every value about them, in history and read models, reads as
 * erased from now on. The facts (what happened, when) stay, so history still replays.
 */
public record SubjectErased(String subject, LocalDate erasedOn, ErasureReason reason) {
}

package org.peersupport.privacy.api;

import java.time.LocalDate;

public record SubjectAccessProvided(String subject, LocalDate providedOn) {
}

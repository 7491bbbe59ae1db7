package org.peersupport.programme.api;

import java.time.LocalDate;
import org.peersupport.kernel.ProgrammeRules;

/** A programme came into being with its first version of rules. */
public record ProgrammeDefined(String programmeId, String name, int version, ProgrammeRules rules,
                               LocalDate definedOn) {
}

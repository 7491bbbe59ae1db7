package org.peersupport.programme.api;

import java.time.LocalDate;
import org.peersupport.kernel.ProgrammeRules;

/** A programme as the directory of programmes shows it: its current rules and their version. */
public record ProgrammeView(String programmeId, String name, int version, ProgrammeRules rules, LocalDate definedOn,
                            LocalDate rulesChangedOn) {
}

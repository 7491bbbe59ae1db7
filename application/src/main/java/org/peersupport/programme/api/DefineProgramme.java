package org.peersupport.programme.api;

import java.time.LocalDate;
import org.peersupport.kernel.ProgrammeRules;

public record DefineProgramme(String programmeId, String name, ProgrammeRules rules, LocalDate definedOn) {
}

package org.peersupport.programme.api;

import java.time.LocalDate;
import org.peersupport.kernel.ProgrammeRules;

/** A new version of the programme's rules; cycles already under way keep the version they began with. */
public record ProgrammeRulesChanged(String programmeId, int version, ProgrammeRules rules, LocalDate changedOn) {
}

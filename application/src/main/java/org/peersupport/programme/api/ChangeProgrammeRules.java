package org.peersupport.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.ProgrammeRules;

public record ChangeProgrammeRules(@TargetAggregateIdentifier String programmeId, ProgrammeRules rules,
                                   LocalDate changedOn) {
}

package org.peersupport.request.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.PersonalData;

/** The named contact and the supporter agreed the action needed (seed 000); sealed like the account. */
public record AgreeConcernAction(@TargetAggregateIdentifier String concernId, PersonalData action,
                                 LocalDate agreedOn) {
}

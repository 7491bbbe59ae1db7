package org.peersupport.supporter.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.peersupport.kernel.RuleBook;

/** Approve against the programme's current rules, judged as at {@code asOf}. */
public record ApproveSupporter(@TargetAggregateIdentifier String supporterId, RuleBook ruleBook, LocalDate asOf) {
}

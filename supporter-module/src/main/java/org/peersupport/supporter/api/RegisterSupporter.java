package org.peersupport.supporter.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleBook;

public record RegisterSupporter(String supporterId, RuleBook ruleBook, SupporterProfile profile, Integer capacity,
                                LocalDate registeredOn) {
}

package org.peersupport.supporter.api;

public record SupporterWithdrew(String supporterId) {
}

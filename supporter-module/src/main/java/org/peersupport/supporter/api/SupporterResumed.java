package org.peersupport.supporter.api;

public record SupporterResumed(String supporterId) {
}

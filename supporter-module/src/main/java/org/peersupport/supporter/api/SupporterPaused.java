package org.peersupport.supporter.api;

public record SupporterPaused(String supporterId) {
}

package org.peersupport.supporter.api;

public record CapacityReleased(String supporterId, String matchId, int inUse, int capacity) {
}

package org.peersupport.supporter.api;

public record CapacityReserved(String supporterId, String matchId, int inUse, int capacity) {
}

package org.peersupport.request.api;

/** Seed 002: a term passed with fewer meetings than the programme's cadence (e.g. none of "once or twice a term"). */
public record CadenceMissed(String requestId, String term, int held, int expected) {
}

package org.peersupport.reporting.api;

/** The programme lead's view of the programme's health; {@code programmeId} null means all programmes. */
public record GetOversightReport(String programmeId) {
}

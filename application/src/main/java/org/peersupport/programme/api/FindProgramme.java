package org.peersupport.programme.api;

public record FindProgramme(String programmeId) {
}

package org.peersupport.programme.api;

public record ListProgrammes() {
}

package org.peersupport.kernel;

/**
 * The portable description of a rejected command: the rule's name, a message free of personal data,
 * and the HTTP status it maps to. Travels as a command exception's details, also over Axon Server.
 */
public record RuleBroken(String rule, String message, int status) {
}

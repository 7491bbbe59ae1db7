package org.peersupport.web;

/** The identifier of what a command created. */
record Created(String id) {
}

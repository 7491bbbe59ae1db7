package org.peersupport.web;

class NotFound extends RuntimeException {
    NotFound(String what) {
        super("No " + what + " with that identifier", null, false, false);
    }
}

package org.peersupport.web;

/** A field that passed its shape checks but is wrong for this request (e.g. an unknown programme). */
class InvalidField extends RuntimeException {
    private final String field;

    InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}

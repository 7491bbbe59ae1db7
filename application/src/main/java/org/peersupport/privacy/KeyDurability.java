package org.peersupport.privacy;

/**
 * Makes a newly created subject key durable before anything sealed with it can be stored: an
 * event committed with a key that a crash then loses would read as erased for ever. Production's
 * MongoDB gets this from the keys collection's journaled write concern; the embedded store
 * commits its file.
 */
@FunctionalInterface
public interface KeyDurability {
    void makeDurable();
}

package org.peersupport.kernel;

/** Phase of education a school serves. */
public enum Phase { NURSERY, PRIMARY, SECONDARY, SPECIAL, ALL_THROUGH, ALTERNATIVE_PROVISION }

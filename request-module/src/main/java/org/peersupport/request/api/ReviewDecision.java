package org.peersupport.request.api;

/** What a review decides (seed 000: further support is reviewed and agreed at six months). */
public enum ReviewDecision { EXTEND, CLOSE }

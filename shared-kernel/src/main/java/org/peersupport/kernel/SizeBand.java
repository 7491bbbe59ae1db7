package org.peersupport.kernel;

/** School size by roll: small (up to 150), medium (151-600), large (over 600). */
public enum SizeBand { SMALL, MEDIUM, LARGE }

package org.peersupport.matching.api;

/** Which side said no. */
public enum DeclinedBy { HEAD, SUPPORTER, COORDINATOR }

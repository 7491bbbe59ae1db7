package org.peersupport.kernel;

/** The role of a person asking for support; each programme says which roles may ask. */
public enum RequesterRole { HEADTEACHER, HEAD_OF_SCHOOL, EXECUTIVE_HEADTEACHER, PRINCIPAL, ASSOCIATION_MEMBER }

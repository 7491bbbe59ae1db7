package org.peersupport.reporting.api;

public enum SupporterStatus { REGISTERED, APPROVED, PAUSED, WITHDRAWN }

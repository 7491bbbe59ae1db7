package org.peersupport.feedback.api;

/** Seeds 003, 004: a baseline before support begins, an evaluation after it. */
public enum QuestionnaireKind { BASELINE, EVALUATION }

package org.peersupport.feedback.api;

import org.peersupport.kernel.RuleViolation;

/** Consent to share needs feedback to share. */
public class FeedbackNotGiven extends RuleViolation {
    public FeedbackNotGiven(String feedbackId) {
        super("Feedback " + feedbackId + " has not been given yet");
    }
}

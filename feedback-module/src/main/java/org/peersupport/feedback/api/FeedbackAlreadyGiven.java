package org.peersupport.feedback.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: FeedbackAlreadyGiven. */
public class FeedbackAlreadyGiven extends RuleViolation {
    public FeedbackAlreadyGiven(String feedbackId) {
        super("Feedback " + feedbackId + " has already been given");
    }
}

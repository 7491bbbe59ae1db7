package org.peersupport.web;

import org.peersupport.kernel.ProgrammeRules;

/** Shape checks on rules sent by a client; each names the field at fault. */
final class RulesCheck {

    private RulesCheck() {
    }

    static ProgrammeRules valid(ProgrammeRules r) {
        require(r.matchingMode() != null, "rules.matchingMode", "must be given");
        require(r.profilesToShare() >= 1 && r.profilesToShare() <= 20, "rules.profilesToShare", "must be 1 to 20");
        require(r.minYearsAsHead() >= 0 && r.minYearsAsHead() <= 50, "rules.minYearsAsHead", "must be 0 to 50");
        require(r.supporterCapacity() >= 1 && r.supporterCapacity() <= 20, "rules.supporterCapacity", "must be 1 to 20");
        require(!r.regions().isEmpty(), "rules.regions", "must name at least one region");
        require(!r.areasOfNeed().isEmpty(), "rules.areasOfNeed", "must name at least one area");
        require(!r.whoMayRequest().isEmpty(), "rules.whoMayRequest", "must name at least one role");
        positive(r.firstMeetingMaxMinutes(), "rules.firstMeetingMaxMinutes");
        positive(r.meetingCap(), "rules.meetingCap");
        positive(r.monthsCap(), "rules.monthsCap");
        positive(r.trainingValidForMonths(), "rules.trainingValidForMonths");
        positive(r.minMeetingsPerTerm(), "rules.minMeetingsPerTerm");
        positive(r.maxMeetingsPerTerm(), "rules.maxMeetingsPerTerm");
        positive(r.retentionYearsAfterClose(), "rules.retentionYearsAfterClose");
        positive(r.supervisionEveryMonths(), "rules.supervisionEveryMonths");
        positive(r.feedbackReminderDays(), "rules.feedbackReminderDays");
        positive(r.responseWindowDays(), "rules.responseWindowDays");
        return r;
    }

    private static void positive(Integer value, String field) {
        require(value == null || (value > 0 && value <= 1000), field, "must be empty or 1 to 1000");
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidField(field, message);
        }
    }
}

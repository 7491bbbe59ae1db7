package org.peersupport.matching;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.peersupport.kernel.Aggregates;
import org.peersupport.kernel.Days;
import org.peersupport.kernel.MatchingMode;
import org.peersupport.kernel.ProgrammeRules;
import org.peersupport.matching.api.AcceptMatch;
import org.peersupport.matching.api.ChoiceNotAmongProfiles;
import org.peersupport.matching.api.DeclineMatch;
import org.peersupport.matching.api.MatchAccepted;
import org.peersupport.matching.api.MatchAlreadyAnswered;
import org.peersupport.matching.api.MatchAlreadyProposed;
import org.peersupport.matching.api.MatchDeclined;
import org.peersupport.matching.api.MatchExpired;
import org.peersupport.matching.api.MatchNotProposed;
import org.peersupport.matching.api.MatchProposed;
import org.peersupport.matching.api.NoProfilesToShare;
import org.peersupport.matching.api.ProfilesShared;
import org.peersupport.matching.api.ProposeMatch;
import org.peersupport.matching.api.RecordHeadChoice;
import org.peersupport.matching.api.ShareProfiles;
import org.peersupport.matching.api.TooManyProfiles;
import org.peersupport.matching.api.WrongMatchingMode;

/**
 * One attempt to match a request with a supporter: profiles shared (000) or a proposal (001/002),
 * then the answer. A declined match ends here; trying again is a new match, so no attempt's
 * history is rewritten.
 */
@Aggregate(cache = Aggregates.MATCH_CACHE)
class Match {

    enum Stage { PROFILES_SHARED, PROPOSED, ACCEPTED, DECLINED, EXPIRED }

    static final String RESPONSE_DUE = "response-due";

    @AggregateIdentifier
    private String matchId;
    private String requestId;
    private String programmeId;
    private Stage stage;
    private List<String> shortlist = List.of();
    private String supporterId;

    Match() {
        // for Axon
    }

    @CommandHandler
    Match(ShareProfiles command, DeadlineManager deadlines) {
        ProgrammeRules rules = command.ruleBook().rules();
        requireMode(rules, MatchingMode.HEAD_CHOOSES_FROM_PROFILES);
        if (command.supporterIds().isEmpty()) {
            throw new NoProfilesToShare();
        }
        if (command.supporterIds().size() > rules.profilesToShare()) {
            throw new TooManyProfiles(rules.profilesToShare());
        }
        apply(new ProfilesShared(command.matchId(), command.requestId(), command.ruleBook().programmeId(),
                List.copyOf(command.supporterIds()), command.sharedOn()));
        openResponseWindow(rules, command.sharedOn(), deadlines);
    }

    @CommandHandler
    Match(ProposeMatch command, DeadlineManager deadlines) {
        ProgrammeRules rules = command.ruleBook().rules();
        if (rules.matchingMode() == MatchingMode.HEAD_CHOOSES_FROM_PROFILES) {
            throw new WrongMatchingMode(rules.matchingMode().name());
        }
        apply(new MatchProposed(command.matchId(), command.requestId(), command.ruleBook().programmeId(),
                command.supporterId(), command.proposedOn()));
        openResponseWindow(rules, command.proposedOn(), deadlines);
    }

    /** One window for the whole answer (the head's choice or yes/no, then the supporter's agreement). */
    private static void openResponseWindow(ProgrammeRules rules, LocalDate from, DeadlineManager deadlines) {
        if (rules.responseWindowDays() != null) {
            deadlines.schedule(Days.startOf(from.plusDays(rules.responseWindowDays())), RESPONSE_DUE);
        }
    }

    @DeadlineHandler(deadlineName = RESPONSE_DUE)
    void responseWindowClosed(DeadlineMessage<?> deadline) {
        if (stage == Stage.PROFILES_SHARED || stage == Stage.PROPOSED) {
            apply(new MatchExpired(matchId, requestId, supporterId,
                    LocalDate.ofInstant(deadline.getTimestamp(), ZoneId.systemDefault())));
        }
    }

    @CommandHandler
    void handle(RecordHeadChoice command) {
        if (stage == Stage.EXPIRED || stage == Stage.DECLINED) {
            throw new MatchAlreadyAnswered(matchId);
        }
        if (stage != Stage.PROFILES_SHARED) {
            throw new MatchAlreadyProposed(matchId);
        }
        if (!shortlist.contains(command.supporterId())) {
            throw new ChoiceNotAmongProfiles(command.supporterId());
        }
        apply(new MatchProposed(matchId, requestId, programmeId, command.supporterId(), command.chosenOn()));
    }

    @CommandHandler
    void handle(AcceptMatch command, DeadlineManager deadlines) {
        switch (stage) {
            case PROFILES_SHARED -> throw new MatchNotProposed(matchId);
            case ACCEPTED, DECLINED, EXPIRED -> throw new MatchAlreadyAnswered(matchId);
            case PROPOSED -> {
                apply(new MatchAccepted(matchId, requestId, programmeId, supporterId, command.acceptedOn()));
                deadlines.cancelAllWithinScope(RESPONSE_DUE);
            }
        }
    }

    @CommandHandler
    void handle(DeclineMatch command, DeadlineManager deadlines) {
        if (stage == Stage.ACCEPTED || stage == Stage.DECLINED || stage == Stage.EXPIRED) {
            throw new MatchAlreadyAnswered(matchId);
        }
        apply(new MatchDeclined(matchId, requestId, supporterId, command.declinedBy(), command.declinedOn()));
        deadlines.cancelAllWithinScope(RESPONSE_DUE);
    }

    private static void requireMode(ProgrammeRules rules, MatchingMode mode) {
        if (rules.matchingMode() != mode) {
            throw new WrongMatchingMode(rules.matchingMode().name());
        }
    }

    @EventSourcingHandler
    void on(ProfilesShared event) {
        matchId = event.matchId();
        requestId = event.requestId();
        programmeId = event.programmeId();
        shortlist = event.supporterIds();
        stage = Stage.PROFILES_SHARED;
    }

    @EventSourcingHandler
    void on(MatchProposed event) {
        matchId = event.matchId();
        requestId = event.requestId();
        programmeId = event.programmeId();
        supporterId = event.supporterId();
        stage = Stage.PROPOSED;
    }

    @EventSourcingHandler
    void on(MatchAccepted event) {
        stage = Stage.ACCEPTED;
    }

    @EventSourcingHandler
    void on(MatchDeclined event) {
        stage = Stage.DECLINED;
    }

    @EventSourcingHandler
    void on(MatchExpired event) {
        stage = Stage.EXPIRED;
    }
}

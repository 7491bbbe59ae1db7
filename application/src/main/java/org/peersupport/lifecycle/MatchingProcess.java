package org.peersupport.lifecycle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.peersupport.lifecycle.api.ChooseSupporter;
import org.peersupport.lifecycle.api.ProposeSupporter;
import org.peersupport.lifecycle.api.ShareSupporterProfiles;
import org.peersupport.matching.api.ProposeMatch;
import org.peersupport.matching.api.RecordHeadChoice;
import org.peersupport.matching.api.ShareProfiles;
import org.peersupport.request.api.StartMatching;
import org.peersupport.supporter.api.ReserveCapacity;
import org.springframework.stereotype.Component;

/**
 * The steps of putting a supporter forward, across three modules, as one unit of work: the commands
 * it sends run nested in this handler's unit of work, whose events are stored together when it
 * commits. So a refusal at any step (a match already in progress, a supporter not approved or
 * full, too many profiles) leaves no event at all: no place held by nothing, no request half-matched.
 */
@Component
class MatchingProcess {

    private final CommandGateway commands;

    MatchingProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    void handle(ShareSupporterProfiles command) {
        commands.sendAndWait(new StartMatching(command.requestId(), command.matchId()));
        commands.sendAndWait(new ShareProfiles(command.matchId(), command.requestId(), command.ruleBook(),
                command.supporterIds(), command.sharedOn()));
    }

    @CommandHandler
    void handle(ChooseSupporter command) {
        commands.sendAndWait(new ReserveCapacity(command.supporterId(), command.matchId()));
        commands.sendAndWait(new RecordHeadChoice(command.matchId(), command.supporterId(), command.chosenOn()));
    }

    @CommandHandler
    void handle(ProposeSupporter command) {
        commands.sendAndWait(new StartMatching(command.requestId(), command.matchId()));
        commands.sendAndWait(new ReserveCapacity(command.supporterId(), command.matchId()));
        commands.sendAndWait(new ProposeMatch(command.matchId(), command.requestId(), command.ruleBook(),
                command.supporterId(), command.proposedOn()));
    }
}

package org.peersupport.lifecycle;

import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.peersupport.kernel.RuleBook;
import org.peersupport.matching.api.ProposeMatch;
import org.peersupport.matching.api.RecordHeadChoice;
import org.peersupport.supporter.api.ReleaseCapacity;
import org.peersupport.supporter.api.ReserveCapacity;
import org.springframework.stereotype.Service;

/**
 * Puts a supporter forward only once one of their places is held. The supporter aggregate decides
 * (approved? paused? full?) and its named rejection reaches the caller; if the match then cannot
 * be proposed, the place is given back, so no place is ever held by nothing.
 */
@Service
public class ProposalService {

    private final CommandGateway commands;

    ProposalService(CommandGateway commands) {
        this.commands = commands;
    }

    /** Seed 000: the head chose one of the profiles shared in {@code matchId}. */
    public void headChose(String matchId, String supporterId, LocalDate on) {
        holdPlaceThen(supporterId, matchId, () -> commands.sendAndWait(new RecordHeadChoice(matchId, supporterId, on)));
    }

    /** Seeds 001 and 002: the coordinator proposes or pairs one supporter. */
    public void propose(String matchId, String requestId, RuleBook ruleBook, String supporterId, LocalDate on) {
        holdPlaceThen(supporterId, matchId,
                () -> commands.sendAndWait(new ProposeMatch(matchId, requestId, ruleBook, supporterId, on)));
    }

    private void holdPlaceThen(String supporterId, String matchId, Runnable proposal) {
        commands.sendAndWait(new ReserveCapacity(supporterId, matchId));
        try {
            proposal.run();
        } catch (RuntimeException refused) {
            commands.sendAndWait(new ReleaseCapacity(supporterId, matchId));
            throw refused;
        }
    }
}
